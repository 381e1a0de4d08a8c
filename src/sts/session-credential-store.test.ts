import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCredentialFailure, type CredentialStore, type SigningCredential } from '../auth/credential-store.ts';
import { deriveSigningKey } from '../auth/sigv4/derive-signing-key.ts';
import { issueSession, type SessionRequest } from './issue-session.ts';
import { SessionCredentialStore } from './session-credential-store.ts';
import { temporarySessionOf } from './temporary-session.ts';
import { ACCOUNT, ALICE_ARN, DEMO_ROLE_ARN, StsFixture } from './testing/sts-fixture.ts';

const ROLE_SESSION: SessionRequest = {
  accountId: ACCOUNT.accountId,
  origin: 'AssumeRole',
  subject: { type: 'AssumedRole', roleName: 'demo', roleId: 'AROADEMOXXXXXXXXXXXXX', roleArn: DEMO_ROLE_ARN, sessionName: 'app' },
  roleChained: false,
  policy: '{"Statement":[]}',
};

function setup() {
  const f = new StsFixture();
  const longTermCalls: Array<[string, string | undefined]> = [];
  const longTerm: CredentialStore = {
    async resolve(id, token) {
      longTermCalls.push([id, token]);
      return { failure: 'unknown-key' };
    },
  };
  const store = new SessionCredentialStore({ longTerm, codec: f.codec, directory: f.directory });
  const issue = (request: SessionRequest = ROLE_SESSION, durationSeconds = 900) =>
    issueSession(f.codec, request, { now: f.clock.now(), durationSeconds });
  return { f, store, issue, longTermCalls };
}

function ok(x: Awaited<ReturnType<CredentialStore['resolve']>>): SigningCredential {
  assert.ok(!isCredentialFailure(x), `expected a credential, got ${JSON.stringify(x)}`);
  return x;
}

describe('SessionCredentialStore.resolve', () => {
  it('resolves a live role session: AssumedRole principal, times, token and session data', async () => {
    const { f, store, issue } = setup();
    const s = issue();
    const c = ok(await store.resolve(s.accessKeyId, s.sessionToken, f.clock.now()));
    assert.deepEqual(c.principal, {
      type: 'AssumedRole',
      account: ACCOUNT,
      arn: 'arn:aws:sts::111122223333:assumed-role/demo/app',
      roleArn: DEMO_ROLE_ARN,
      roleName: 'demo',
      userId: 'AROADEMOXXXXXXXXXXXXX:app',
      sessionName: 'app',
    });
    // Issue time is the clock's, in whole seconds; expiry = issue + duration.
    assert.equal(c.issuedAt, Math.floor(f.clock.now() / 1000) * 1000);
    assert.equal(c.expiresAt, c.issuedAt! + 900_000);
    assert.equal(c.sessionToken, s.sessionToken);
    assert.equal(c.strayToken, undefined);
    const session = temporarySessionOf(c);
    assert.equal(session?.multiFactorAuthPresent, false);
    assert.equal(session?.policy, '{"Statement":[]}');
    assert.equal(session?.origin, 'AssumeRole');
  });

  it('signs with the session secret', async () => {
    const { f, store, issue } = setup();
    const s = issue();
    const c = ok(await store.resolve(s.accessKeyId, s.sessionToken, f.clock.now()));
    assert.deepEqual(c.signingKey('20240501', 'us-east-1', 's3'), deriveSigningKey(s.secretAccessKey, '20240501', 'us-east-1', 's3'));
  });

  it('ASIA key without a token: token-missing', async () => {
    const { f, store, issue } = setup();
    const s = issue();
    assert.deepEqual(await store.resolve(s.accessKeyId, undefined, f.clock.now()), { failure: 'token-missing' });
    assert.deepEqual(await store.resolve(s.accessKeyId, '', f.clock.now()), { failure: 'token-missing' });
  });

  it('a token that does not unseal (garbage, tampered, another key): token-malformed', async () => {
    const { f, store, issue } = setup();
    const s = issue();
    assert.deepEqual(await store.resolve(s.accessKeyId, 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH', f.clock.now()), { failure: 'token-malformed' });
    const bytes = Buffer.from(s.sessionToken, 'base64');
    bytes[30] = bytes[30]! ^ 0xff;
    assert.deepEqual(await store.resolve(s.accessKeyId, bytes.toString('base64'), f.clock.now()), { failure: 'token-malformed' });
  });

  it("another session's token: token-mismatch", async () => {
    const { f, store, issue } = setup();
    const a = issue();
    const b = issue();
    assert.deepEqual(await store.resolve(a.accessKeyId, b.sessionToken, f.clock.now()), { failure: 'token-mismatch' });
  });

  it('expires at issue + duration exactly, against the given time', async () => {
    const { f, store, issue } = setup();
    const s = issue();
    ok(await store.resolve(s.accessKeyId, s.sessionToken, s.expiresAt - 1));
    assert.deepEqual(await store.resolve(s.accessKeyId, s.sessionToken, s.expiresAt), { failure: 'token-expired' });
    assert.deepEqual(await store.resolve(s.accessKeyId, s.sessionToken, s.expiresAt + 86_400_000), { failure: 'token-expired' });
    ok(await store.resolve(s.accessKeyId, s.sessionToken, f.clock.now()));
  });

  it('deleted role: principal-deleted; a role recreated under the same name does not revive it', async () => {
    const { f, store, issue } = setup();
    const s = issue();
    f.directory.removeRole(ACCOUNT.accountId, 'demo');
    assert.deepEqual(await store.resolve(s.accessKeyId, s.sessionToken, f.clock.now()), { failure: 'principal-deleted' });
    f.addRole('demo', '{}', { roleId: 'AROANEWDEMOXXXXXXXXXX' });
    assert.deepEqual(await store.resolve(s.accessKeyId, s.sessionToken, f.clock.now()), { failure: 'principal-deleted' });
  });

  it('expiry wins over deletion (expired + deleted role → token-expired)', async () => {
    const { f, store, issue } = setup();
    const s = issue();
    f.directory.removeRole(ACCOUNT.accountId, 'demo');
    assert.deepEqual(await store.resolve(s.accessKeyId, s.sessionToken, s.expiresAt + 1), { failure: 'token-expired' });
  });

  it('GetSessionToken sessions: the user (while it exists) or the account root', async () => {
    const { f, store, issue } = setup();
    const user = issue({
      accountId: ACCOUNT.accountId,
      origin: 'GetSessionToken',
      subject: { type: 'User', userName: 'alice', userId: 'AIDAALICE0000000000001', arn: ALICE_ARN },
      roleChained: false,
      mfa: { authenticatedAt: f.clock.now() },
    });
    const c = ok(await store.resolve(user.accessKeyId, user.sessionToken, f.clock.now()));
    assert.deepEqual(c.principal, { type: 'User', account: ACCOUNT, arn: ALICE_ARN, userName: 'alice', userId: 'AIDAALICE0000000000001' });
    assert.equal(temporarySessionOf(c)?.multiFactorAuthPresent, true);

    const root = issue({ accountId: ACCOUNT.accountId, origin: 'GetSessionToken', subject: { type: 'Account' }, roleChained: false });
    assert.deepEqual(ok(await store.resolve(root.accessKeyId, root.sessionToken, f.clock.now())).principal, {
      type: 'Account',
      account: ACCOUNT,
      arn: 'arn:aws:iam::111122223333:root',
    });

    f.directory.users.clear();
    assert.deepEqual(await store.resolve(user.accessKeyId, user.sessionToken, f.clock.now()), { failure: 'principal-deleted' });
    f.directory.accounts.clear();
    assert.deepEqual(await store.resolve(root.accessKeyId, root.sessionToken, f.clock.now()), { failure: 'principal-deleted' });
  });

  it('long-term keys go to the wrapped store, with the token (reported there as strayToken)', async () => {
    const { f, store, longTermCalls } = setup();
    assert.deepEqual(await store.resolve('AKIAEXAMPLEEXAMPLE01', 'some-token', f.clock.now()), { failure: 'unknown-key' });
    assert.deepEqual(longTermCalls, [['AKIAEXAMPLEEXAMPLE01', 'some-token']]);
  });
});
