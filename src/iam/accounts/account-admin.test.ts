import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Account } from '../../auth/principal.ts';
import { SqliteIdentityStore } from '../sqlite/sqlite-identity-store.ts';
import { createAccount, deleteAccount, type BucketLister } from './account-admin.ts';
import { AccountError } from './account-error.ts';
import { checkAccountId, checkNewAccountInput } from './account-input.ts';

function refusal(code: AccountError['code'], message: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof AccountError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  };
}

describe('account input', () => {
  it('trims, and accepts what AWS Organizations accepts', () => {
    assert.deepEqual(checkNewAccountInput({ displayName: '  Team A ', email: ' ops@example.com ' }), { displayName: 'Team A', email: 'ops@example.com' });
    assert.deepEqual(checkNewAccountInput({ displayName: 'x'.repeat(50), email: 'a@b.co' }), { displayName: 'x'.repeat(50), email: 'a@b.co' });
    assert.equal(checkAccountId('123456789012'), '123456789012');
  });

  it('refuses bad input, naming what is wrong', () => {
    const cases: Array<[string | undefined, string | undefined, RegExp]> = [
      [undefined, 'a@example.com', /needs a name \(--name\)/],
      ['   ', 'a@example.com', /needs a name/],
      ['x'.repeat(51), 'a@example.com', /longer than 50 characters/],
      ['Ünïcode', 'a@example.com', /printable ASCII/],
      ['A', undefined, /needs an e-mail address \(--email\)/],
      ['A', 'not-an-address', /"not-an-address" is not an e-mail address/],
      ['A', 'a@b', /is not an e-mail address/],
      ['A', 'a b@example.com', /is not an e-mail address/],
      ['A', `${'a'.repeat(60)}@example.com`, /6–64 characters/],
    ];
    for (const [displayName, email, message] of cases) {
      assert.throws(() => checkNewAccountInput({ displayName, email }), refusal('invalid-input', message), `${displayName} ${email}`);
    }
    assert.throws(() => checkAccountId(undefined), refusal('invalid-input', /which account\?/));
    assert.throws(() => checkAccountId('12345'), refusal('invalid-input', /"12345" is not an account id \(12 digits\)/));
  });
});

describe('createAccount / deleteAccount', () => {
  let dir: string;
  let store: SqliteIdentityStore;
  let root: Account;
  const owned = new Map<string, string[]>();
  const buckets: BucketLister = { listBuckets: async (id) => (owned.get(id) ?? []).map((name) => ({ name })) };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coffer-account-admin-'));
    store = new SqliteIdentityStore({ dir, masterKey: Buffer.alloc(32, 1), now: () => 0, durability: 'none' });
    root = await store.createAccount({ displayName: 'coffer', email: 'root@coffer.local', isDefault: true });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates after validating; refuses bad input before touching the store', async () => {
    const { account } = await createAccount(store, { displayName: ' Alice ', email: 'alice@example.com' });
    assert.equal(account.displayName, 'Alice');
    await assert.rejects(createAccount(store, { displayName: 'A', email: 'nope' }), refusal('invalid-input', /not an e-mail address/));
  });

  it('refuses the default account, an unknown one, and one that owns buckets; then deletes with its keys', async () => {
    const deps = { identity: store, buckets };
    await assert.rejects(deleteAccount(deps, root.accountId), refusal('default-account', /is the default account/));
    await assert.rejects(deleteAccount(deps, '999999999999'), refusal('no-such-account', /there is no account 999999999999/));
    await assert.rejects(deleteAccount(deps, 'abc'), refusal('invalid-input', /not an account id/));

    const { account, rootKey } = await createAccount(store, { displayName: 'Bob', email: 'bob@example.com' });
    owned.set(account.accountId, ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7']);
    await assert.rejects(deleteAccount(deps, account.accountId), refusal('owns-buckets', /still owns 7 buckets \(b1, b2, b3, b4, b5 and 2 more\); delete them first/));
    owned.set(account.accountId, ['only']);
    await assert.rejects(deleteAccount(deps, account.accountId), refusal('owns-buckets', /still owns 1 bucket \(only\)/));
    assert.ok(await store.getAccount(account.accountId), 'nothing was deleted');

    owned.delete(account.accountId);
    assert.deepEqual(await deleteAccount(deps, account.accountId), { account, deletedAccessKeys: 1 });
    assert.equal(await store.getAccount(account.accountId), undefined);
    assert.equal(await store.getAccessKey(rootKey.accessKeyId), undefined);
  });
});
