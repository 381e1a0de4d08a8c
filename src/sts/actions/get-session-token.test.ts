import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoSeconds } from '../../lib/dates.ts';
import { temporarySessionOf } from '../temporary-session.ts';
import { ALICE_ARN, StsFixture, names, text } from '../testing/sts-fixture.ts';
import { assumeRole } from './assume-role.ts';
import { getSessionToken } from './get-session-token.ts';

describe('GetSessionToken (sts-iam.md §2.3)', () => {
  const expiration = (f: StsFixture, seconds: number) => isoSeconds(Math.floor(f.clock.now() / 1000) * 1000 + seconds * 1000);

  it('an IAM user: Credentials only, ASIA key, 40-char secret, 12 hours by default', async () => {
    const f = new StsFixture();
    const r = await f.call(getSessionToken(f.deps), {}, f.signedAs(f.alice));
    assert.deepEqual(names(r), ['Credentials']);
    assert.deepEqual(names((r[0]![1] as never) ?? []), ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    assert.match(text(r, 'AccessKeyId')!, /^ASIA[A-Z2-7]{16}$/);
    assert.match(text(r, 'SecretAccessKey')!, /^[A-Za-z0-9+/]{40}$/);
    assert.equal(text(r, 'Expiration'), expiration(f, 43_200));
  });

  it('DurationSeconds 900–129600 for users', async () => {
    const f = new StsFixture();
    const call = (d: string) => f.call(getSessionToken(f.deps), { DurationSeconds: d }, f.signedAs(f.alice));
    assert.equal(text(await call('900'), 'Expiration'), expiration(f, 900));
    assert.equal(text(await call('129600'), 'Expiration'), expiration(f, 129_600));
    await assert.rejects(call('899'), {
      code: 'ValidationError',
      message: "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    });
    await assert.rejects(call('129601'), {
      code: 'ValidationError',
      message: "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600",
    });
    await assert.rejects(call(''), { code: 'MalformedInput', message: 'missing value for decimal type' });
  });

  it('the root: one hour by default and at most (a longer request is cut to one hour)', async () => {
    const f = new StsFixture();
    const call = (params: Record<string, string>) => f.call(getSessionToken(f.deps), params, f.signedAs(f.root));
    assert.equal(text(await call({}), 'Expiration'), expiration(f, 3600));
    assert.equal(text(await call({ DurationSeconds: '900' }), 'Expiration'), expiration(f, 900));
    assert.equal(text(await call({ DurationSeconds: '7200' }), 'Expiration'), expiration(f, 3600));
  });

  it('with session credentials: 403 AccessDenied "Cannot call GetSessionToken with session credentials"', async () => {
    const f = new StsFixture();
    const denied = { status: 403, code: 'AccessDenied', message: 'Cannot call GetSessionToken with session credentials' };
    const first = await f.call(getSessionToken(f.deps), {}, f.signedAs(f.alice));
    const userSession = await f.sessionAuth(text(first, 'AccessKeyId')!, text(first, 'SessionToken')!);
    await assert.rejects(f.call(getSessionToken(f.deps), {}, userSession), denied);
    const role = await f.call(assumeRole(f.deps), { RoleArn: 'arn:aws:iam::111122223333:role/demo', RoleSessionName: 'sess' }, f.signedAs(f.alice));
    const roleSession = await f.sessionAuth(text(role, 'AccessKeyId')!, text(role, 'SessionToken')!);
    await assert.rejects(f.call(getSessionToken(f.deps), {}, roleSession), denied);
  });

  it('MFA: a verified code marks the session; a wrong code or device is refused', async () => {
    const f = new StsFixture();
    f.directory.mfaDevices.set('arn:aws:iam::111122223333:mfa/alice', { principalArn: ALICE_ARN, code: '123456' });
    const call = (serial: string, code: string) =>
      f.call(getSessionToken(f.deps), { SerialNumber: serial, TokenCode: code }, f.signedAs(f.alice));
    const r = await call('arn:aws:iam::111122223333:mfa/alice', '123456');
    const auth = await f.sessionAuth(text(r, 'AccessKeyId')!, text(r, 'SessionToken')!);
    assert.equal(auth.kind === 'signed' && temporarySessionOf(auth.credential)?.multiFactorAuthPresent, true);
    await assert.rejects(call('arn:aws:iam::111122223333:mfa/alice', '654321'), {
      status: 403,
      code: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
    await assert.rejects(call('arn:aws:iam::111122223333:mfa/bob', '123456'), {
      status: 403,
      code: 'AccessDenied',
      message:
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    });
    await assert.rejects(call('short', '12345'), {
      code: 'ValidationError',
      message:
        "2 validation errors detected: Value 'short' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9; Value '12345' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    });
  });
});
