import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCredentialFailure, type SigningCredential } from './credential-store.ts';
import { MemoryCredentialStore } from './memory-credential-store.ts';
import { SigningKeyCache } from './sigv4/signing-key-cache.ts';

const principal = { type: 'Anonymous' } as const;
const store = () =>
  new MemoryCredentialStore([
    { accessKeyId: 'AKIA1', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', principal },
    { accessKeyId: 'AKIA2', secretAccessKey: 's', principal, status: 'Inactive' },
    { accessKeyId: 'ASIA1', secretAccessKey: 's', principal, sessionToken: 'tok', malformedToken: 'bad', expiresAt: 1000 },
    { accessKeyId: 'AKIA3', secretAccessKey: 's', principal, principalDeleted: true },
  ]);

test('resolves long-term keys and signs without revealing the secret', async () => {
  const c = (await store().resolve('AKIA1', undefined, 0)) as SigningCredential;
  assert.ok(!isCredentialFailure(c));
  assert.equal(c.signingKey('20130524', 'us-east-1', 's3').toString('hex'), 'dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378');
  assert.equal(c.signV2('x').length, 28);
  assert.ok(!JSON.stringify(c).includes('EXAMPLEKEY'));
});

test('every failure a real store reports', async () => {
  const s = store();
  assert.deepEqual(await s.resolve('NOPE', undefined, 0), { failure: 'unknown-key' });
  assert.deepEqual(await s.resolve('AKIA2', undefined, 0), { failure: 'inactive-key' });
  assert.deepEqual(await s.resolve('AKIA3', undefined, 0), { failure: 'principal-deleted' });
  assert.deepEqual(await s.resolve('ASIA1', undefined, 0), { failure: 'token-missing' });
  assert.deepEqual(await s.resolve('ASIA1', 'other', 0), { failure: 'token-mismatch' });
  assert.deepEqual(await s.resolve('ASIA1', 'bad', 0), { failure: 'token-malformed' });
  assert.deepEqual(await s.resolve('ASIA1', 'tok', 1000), { failure: 'token-expired' });
  const session = (await s.resolve('ASIA1', 'tok', 999)) as SigningCredential;
  assert.equal(session.sessionToken, 'tok');
  assert.equal(session.expiresAt, 1000);
});

test('a token with a long-term key resolves, carrying it as strayToken', async () => {
  const c = (await store().resolve('AKIA1', 'tok', 0)) as SigningCredential;
  assert.equal(c.strayToken, 'tok');
  assert.equal(((await store().resolve('AKIA1', undefined, 0)) as SigningCredential).strayToken, undefined);
});

test('signing keys come from the cache; replacing or removing a key forgets them', async () => {
  const cache = new SigningKeyCache();
  const s = new MemoryCredentialStore([{ accessKeyId: 'K', secretAccessKey: 'one', principal }], { cache });
  const first = ((await s.resolve('K', undefined, 0)) as SigningCredential).signingKey('20130524', 'us-east-1', 's3');
  assert.equal(((await s.resolve('K', undefined, 0)) as SigningCredential).signingKey('20130524', 'us-east-1', 's3'), first);
  s.add({ accessKeyId: 'K', secretAccessKey: 'two', principal });
  const second = ((await s.resolve('K', undefined, 0)) as SigningCredential).signingKey('20130524', 'us-east-1', 's3');
  assert.notDeepEqual(second, first);
  s.remove('K');
  assert.equal(cache.size, 0);
  assert.deepEqual(await s.resolve('K', undefined, 0), { failure: 'unknown-key' });
});
