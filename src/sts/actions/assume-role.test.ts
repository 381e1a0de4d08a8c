import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoSeconds } from '../../lib/dates.ts';
import { temporarySessionOf } from '../temporary-session.ts';
import { ALICE_ARN, DEMO_ROLE_ARN, StsFixture, names, text, trustPolicy } from '../testing/sts-fixture.ts';
import { assumeRole } from './assume-role.ts';

const ARN_PATTERN = '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+';
const DENIED = `User: ${ALICE_ARN} is not authorized to perform: sts:AssumeRole on resource: ${DEMO_ROLE_ARN}`;

function fixture() {
  const f = new StsFixture();
  const call = (params: Record<string, string> | Array<[string, string]>, principal = f.alice) => f.call(assumeRole(f.deps), params, f.signedAs(principal));
  return { f, call };
}

const validation = (message: string) => ({ status: 400, code: 'ValidationError', message });

describe('AssumeRole (sts-iam.md §2.2)', () => {
  it('answers AssumedRoleUser before Credentials, the session ARN without the role path', async () => {
    const { f, call } = fixture();
    f.addRole('pathed', trustPolicy({ Principal: { AWS: ALICE_ARN } }), { path: '/service/app/', roleId: 'AROAPATHEDXXXXXXXXXX1' });
    const r = await call({ RoleArn: 'arn:aws:iam::111122223333:role/service/app/pathed', RoleSessionName: 's3-session' });
    assert.deepEqual(names(r), ['AssumedRoleUser', 'Credentials']);
    assert.deepEqual(r[0], [
      'AssumedRoleUser',
      [
        ['AssumedRoleId', 'AROAPATHEDXXXXXXXXXX1:s3-session'],
        ['Arn', 'arn:aws:sts::111122223333:assumed-role/pathed/s3-session'],
      ],
    ]);
    assert.match(text(r, 'AccessKeyId')!, /^ASIA/);
    // Default 3600 s; Expiration = issue time (whole seconds) + duration.
    assert.equal(text(r, 'Expiration'), isoSeconds(Math.floor(f.clock.now() / 1000) * 1000 + 3_600_000));
  });

  it('a role ARN with the wrong path names no role', async () => {
    const { call } = fixture();
    await assert.rejects(call({ RoleArn: 'arn:aws:iam::111122223333:role/other/demo', RoleSessionName: 'sess' }), {
      status: 403,
      code: 'AccessDenied',
      message: `User: ${ALICE_ARN} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/other/demo`,
    });
  });

  describe('validation messages', () => {
    it('both required parameters missing', async () => {
      const { call } = fixture();
      await assert.rejects(
        call({}),
        validation(
          "2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
        ),
      );
    });

    it("empty RoleArn: the pattern item, then the length item", async () => {
      const { call } = fixture();
      await assert.rejects(
        call({ RoleArn: '', RoleSessionName: 'sess' }),
        validation(
          `2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_PATTERN}; Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`,
        ),
      );
    });

    it('RoleArn of valid length that is not an ARN: "<value> is invalid"', async () => {
      const { call } = fixture();
      await assert.rejects(call({ RoleArn: 'x'.repeat(20), RoleSessionName: 'sess' }), validation(`${'x'.repeat(20)} is invalid`));
    });

    it('RoleSessionName too long and with a space', async () => {
      const { call } = fixture();
      const name = 'a b'.repeat(22);
      await assert.rejects(
        call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: name }),
        validation(
          `2 validation errors detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*; Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
        ),
      );
    });

    it('DurationSeconds: model bounds, MalformedInput, first occurrence wins', async () => {
      const { call } = fixture();
      const base = { RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' };
      await assert.rejects(
        call({ ...base, DurationSeconds: '899' }),
        validation("1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
      );
      await assert.rejects(
        call({ ...base, DurationSeconds: '43201' }),
        validation("1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"),
      );
      await assert.rejects(call({ ...base, DurationSeconds: '' }), { status: 400, code: 'MalformedInput', message: 'missing value for decimal type' });
      await assert.rejects(call({ ...base, DurationSeconds: '900.0' }), { status: 400, code: 'MalformedInput' });
      const pairs: Array<[string, string]> = [...Object.entries(base), ['DurationSeconds', '+0900'], ['DurationSeconds', '899']];
      assert.ok(await call(pairs));
    });

    it('ExternalId, SerialNumber, TokenCode, SourceIdentity, Policy, PolicyArns, Tags', async () => {
      const { call } = fixture();
      const base = { RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' };
      await assert.rejects(
        call({ ...base, ExternalId: 'x' }),
        validation("1 validation error detected: Value 'x' at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2"),
      );
      await assert.rejects(
        call({ ...base, ExternalId: 'bad id!' }),
        validation(
          "1 validation error detected: Value 'bad id!' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*",
        ),
      );
      await assert.rejects(
        call({ ...base, TokenCode: '12345a' }),
        validation("1 validation error detected: Value '12345a' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*"),
      );
      await assert.rejects(
        call({ ...base, SourceIdentity: 'x' }),
        validation("1 validation error detected: Value 'x' at 'sourceIdentity' failed to satisfy constraint: Member must have length greater than or equal to 2"),
      );
      const big = `{"Statement":[]${' '.repeat(2040)}}`;
      await assert.rejects(
        call({ ...base, Policy: big }),
        validation(`1 validation error detected: Value '${big}' at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048`),
      );
      await assert.rejects(
        call({ ...base, 'PolicyArns.member.1.arn': 'short' }),
        validation(
          "1 validation error detected: Value 'short' at 'policyArns.1.member.arn' failed to satisfy constraint: Member must have length greater than or equal to 20",
        ),
      );
      await assert.rejects(
        call({ ...base, 'Tags.member.1.Key': 'team' }),
        validation("1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null"),
      );
    });

    it('validation comes before authorization: a denied caller still sees the ValidationError', async () => {
      const { f, call } = fixture();
      await assert.rejects(call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'x' }, f.root), { code: 'ValidationError' });
    });

    it('a session policy that is not JSON: MalformedPolicyDocument', async () => {
      const { call } = fixture();
      await assert.rejects(call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess', Policy: 'not json' }), { status: 400, code: 'MalformedPolicyDocument' });
    });
  });

  describe('authorization', () => {
    it('the root may not assume roles', async () => {
      const { f, call } = fixture();
      await assert.rejects(call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' }, f.root), {
        status: 403,
        code: 'AccessDenied',
        message: 'Roles may not be assumed by root accounts.',
      });
    });

    it('a trust policy that does not name the caller, and a missing role, answer the same AccessDenied', async () => {
      const { f, call } = fixture();
      f.addRole('demo', trustPolicy({ Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' } }));
      await assert.rejects(call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' }), { status: 403, code: 'AccessDenied', message: DENIED });
      await assert.rejects(call({ RoleArn: 'arn:aws:iam::111122223333:role/nope', RoleSessionName: 'sess' }), {
        status: 403,
        code: 'AccessDenied',
        message: `User: ${ALICE_ARN} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/nope`,
      });
    });

    it('sts:ExternalId conditions: missing or wrong ExternalId is the same AccessDenied', async () => {
      const { f, call } = fixture();
      f.addRole('demo', trustPolicy({ Principal: { AWS: ALICE_ARN }, Condition: { StringEquals: { 'sts:ExternalId': 'Unique-ID-1234' } } }));
      const base = { RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' };
      await assert.rejects(call(base), { status: 403, message: DENIED });
      await assert.rejects(call({ ...base, ExternalId: 'Unique-ID-9999' }), { status: 403, message: DENIED });
      assert.ok(await call({ ...base, ExternalId: 'Unique-ID-1234' }));
    });

    it('an explicit Deny wins over an Allow', async () => {
      const { f, call } = fixture();
      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: ALICE_ARN }, Action: 'sts:AssumeRole' },
          { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:*', Condition: { StringLike: { 'sts:RoleSessionName': 'blocked-*' } } },
        ],
      });
      f.addRole('demo', policy);
      assert.ok(await call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'fine' }));
      await assert.rejects(call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'blocked-1' }), { status: 403, message: DENIED });
    });

    it('a trust policy naming the account delegates to the caller’s own policies', async () => {
      const { f, call } = fixture();
      f.addRole('demo', trustPolicy({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }));
      f.callerPoliciesAllow = true;
      assert.ok(await call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' }));
      f.callerPoliciesAllow = false;
      await assert.rejects(call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' }), { status: 403, message: DENIED });
    });

    it('aws:MultiFactorAuthPresent: absent for long-term keys, true with a verified code', async () => {
      const { f, call } = fixture();
      f.directory.mfaDevices.set('arn:aws:iam::111122223333:mfa/alice', { principalArn: ALICE_ARN, code: '123456' });
      f.addRole('demo', trustPolicy({ Principal: { AWS: ALICE_ARN }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
      await assert.rejects(call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' }), { status: 403, message: DENIED });
      const r = await call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess', SerialNumber: 'arn:aws:iam::111122223333:mfa/alice', TokenCode: '123456' });
      const auth = await f.sessionAuth(text(r, 'AccessKeyId')!, text(r, 'SessionToken')!);
      assert.equal(auth.kind === 'signed' && temporarySessionOf(auth.credential)?.multiFactorAuthPresent, true);
    });

    it('Tags need sts:TagSession in the trust policy', async () => {
      const { f, call } = fixture();
      const params = { RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess', 'Tags.member.1.Key': 'team', 'Tags.member.1.Value': 'blue' };
      await assert.rejects(call(params), {
        status: 403,
        message: `User: ${ALICE_ARN} is not authorized to perform: sts:TagSession on resource: ${DEMO_ROLE_ARN}`,
      });
      f.addRole('demo', trustPolicy({ Principal: { AWS: ALICE_ARN }, Action: ['sts:AssumeRole', 'sts:TagSession'] }));
      const r = await call(params);
      assert.equal(typeof r.find((e) => e?.[0] === 'PackedPolicySize')?.[1], 'number');
    });
  });
});
