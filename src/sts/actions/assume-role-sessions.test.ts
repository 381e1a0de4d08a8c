import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoSeconds } from '../../lib/dates.ts';
import { temporarySessionOf } from '../temporary-session.ts';
import { ALICE_ARN, DEMO_ROLE_ARN, StsFixture, names, text, trustPolicy } from '../testing/sts-fixture.ts';
import { assumeRole } from './assume-role.ts';
import { getSessionToken } from './get-session-token.ts';

function fixture() {
  const f = new StsFixture();
  const call = (params: Record<string, string> | Array<[string, string]>, principal = f.alice) => f.call(assumeRole(f.deps), params, f.signedAs(principal));
  return { f, call };
}

const validation = (message: string) => ({ status: 400, code: 'ValidationError', message });

describe('AssumeRole sessions (sts-iam.md §2.2, §3)', () => {
  describe('durations', () => {
    it("above the role's MaxSessionDuration (but within 43200): the role-maximum ValidationError", async () => {
      const { f, call } = fixture();
      f.addRole('demo', trustPolicy({ Principal: { AWS: ALICE_ARN } }), { maxSessionDurationSeconds: 7200 });
      const ok = await call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess', DurationSeconds: '7200' });
      assert.equal(text(ok, 'Expiration'), isoSeconds(Math.floor(f.clock.now() / 1000) * 1000 + 7_200_000));
      await assert.rejects(
        call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess', DurationSeconds: '7201' }),
        validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
      );
    });

    it('role chaining: at most one hour, and the session remembers it was chained', async () => {
      const { f, call } = fixture();
      f.addRole('demo', trustPolicy({ Principal: { AWS: ALICE_ARN } }), { maxSessionDurationSeconds: 43200 });
      f.addRole('next', trustPolicy({ Principal: { AWS: DEMO_ROLE_ARN } }), { maxSessionDurationSeconds: 43200 });
      const first = await call({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'first', DurationSeconds: '43200' });
      const session = await f.sessionAuth(text(first, 'AccessKeyId')!, text(first, 'SessionToken')!);
      const chain = (params: Record<string, string>) => f.call(assumeRole(f.deps), { RoleArn: 'arn:aws:iam::111122223333:role/next', RoleSessionName: 'second', ...params }, session);
      await assert.rejects(
        chain({ DurationSeconds: '3601' }),
        validation('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'),
      );
      const second = await chain({});
      const chained = await f.sessionAuth(text(second, 'AccessKeyId')!, text(second, 'SessionToken')!);
      assert.equal(chained.kind === 'signed' && temporarySessionOf(chained.credential)?.roleChained, true);
      assert.equal(chained.principal.type === 'AssumedRole' && chained.principal.arn, 'arn:aws:sts::111122223333:assumed-role/next/second');
      // The denial names the caller by its session ARN.
      await assert.rejects(f.call(assumeRole(f.deps), { RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'again' }, session), {
        status: 403,
        message: `User: arn:aws:sts::111122223333:assumed-role/demo/first is not authorized to perform: sts:AssumeRole on resource: ${DEMO_ROLE_ARN}`,
      });
    });

    it('a GetSessionToken session assuming a role is not role chaining', async () => {
      const { f } = fixture();
      f.addRole('demo', trustPolicy({ Principal: { AWS: ALICE_ARN } }), { maxSessionDurationSeconds: 43200 });
      const gst = await f.call(getSessionToken(f.deps), {}, f.signedAs(f.alice));
      const session = await f.sessionAuth(text(gst, 'AccessKeyId')!, text(gst, 'SessionToken')!);
      assert.ok(await f.call(assumeRole(f.deps), { RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess', DurationSeconds: '7200' }, session));
    });
  });

  describe('session policies', () => {
    it('are recorded, and PackedPolicySize is reported', async () => {
      const { f, call } = fixture();
      const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*"}]}';
      const r = await call({
        RoleArn: DEMO_ROLE_ARN,
        RoleSessionName: 'sess',
        Policy: policy,
        'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      });
      assert.deepEqual(names(r), ['AssumedRoleUser', 'Credentials', 'PackedPolicySize']);
      const size = r[2]![1] as number;
      assert.ok(size > 0 && size <= 100, `PackedPolicySize ${size}`);
      const auth = await f.sessionAuth(text(r, 'AccessKeyId')!, text(r, 'SessionToken')!);
      const session = auth.kind === 'signed' ? temporarySessionOf(auth.credential) : undefined;
      assert.equal(session?.policy, policy);
      assert.deepEqual(session?.policyArns, ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    });

    it('PackedPolicyTooLarge past the allotment', async () => {
      const { call } = fixture();
      const params: Record<string, string> = { RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'sess' };
      // Ten ARNs of incompressible text.
      for (let i = 1; i <= 10; i++) params[`PolicyArns.member.${i}.arn`] = `arn:aws:iam::111122223333:policy/${Buffer.from(crypto.getRandomValues(new Uint8Array(300))).toString('base64url')}`;
      await assert.rejects(call(params), (e: { status: number; code: string; message: string }) => {
        assert.equal(e.status, 400);
        assert.equal(e.code, 'PackedPolicyTooLarge');
        assert.match(e.message, /^Packed policy consumes \d{3,}% of allotted space$/);
        return true;
      });
    });
  });
});
