import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isCredentialFailure } from '../../auth/credential-store.ts';
import type { Account } from '../../auth/principal.ts';
import { openSqliteFile } from '../../storage/sqlite/open-database.ts';
import { IDENTITY_MIGRATIONS } from '../sqlite/identity-migrations.ts';
import { SqliteIdentityStore } from '../sqlite/sqlite-identity-store.ts';
import { AccountError } from './account-error.ts';

const KEY = Buffer.alloc(32, 7);
const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

async function rejectsWith(p: Promise<unknown>, code: AccountError['code'], message?: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AccountError, String(e));
    assert.equal(e.code, code);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('SqliteIdentityStore: accounts and account settings', () => {
  let dir: string;
  let store: SqliteIdentityStore;
  let root: Account;
  const now = Date.UTC(2024, 4, 1, 12);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coffer-accounts-'));
    store = new SqliteIdentityStore({ dir, masterKey: KEY, now: () => now, durability: 'none' });
    root = await store.createAccount({ displayName: 'coffer', email: 'root@coffer.local', isDefault: true });
    await store.createAccessKey({ accountId: root.accountId });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates an account with a working root key in one step', async () => {
    const { account, rootKey } = await store.createAccountWithRootKey({ displayName: 'Alice', email: 'alice@example.com' });
    assert.match(account.accountId, /^[1-9]\d{11}$/);
    assert.match(account.canonicalId, /^[0-9a-f]{64}$/);
    assert.deepEqual(await store.getAccount(account.accountId), account);
    assert.match(rootKey.accessKeyId, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(rootKey.secretAccessKey.length, 40);
    assert.deepEqual({ ...rootKey, secretAccessKey: undefined }, {
      accessKeyId: rootKey.accessKeyId, accountId: account.accountId, userName: undefined, status: 'Active', createdAt: now, secretAccessKey: undefined,
    });
    const resolved = await store.resolve(rootKey.accessKeyId, undefined, now);
    assert.ok(!isCredentialFailure(resolved));
    assert.deepEqual(resolved.principal, { type: 'Account', account, arn: `arn:aws:iam::${account.accountId}:root` });
    assert.equal(await store.findAccountByEmail('ALICE@example.com').then((a) => a?.accountId), account.accountId);
  });

  it('e-mail addresses are unique case-insensitively; nothing is written on refusal', async () => {
    const before = (await store.listAccounts()).length;
    await rejectsWith(store.createAccountWithRootKey({ displayName: 'Alice 2', email: 'Alice@Example.COM' }), 'email-taken', /already used by account \d{12}/);
    await rejectsWith(store.createAccountWithRootKey({ displayName: 'x', email: 'ROOT@coffer.local' }), 'email-taken');
    assert.equal((await store.listAccounts()).length, before);
  });

  it('refuses to seal a key under a master key that cannot open the existing secrets', async () => {
    const other = new SqliteIdentityStore({ dir, masterKey: Buffer.alloc(32, 8), now: () => now, durability: 'none' });
    try {
      await rejectsWith(other.createAccountWithRootKey({ displayName: 'Mallory', email: 'm@example.com' }), 'wrong-master-key', /COFFER_MASTER_KEY/);
      assert.equal(await other.findAccountByEmail('m@example.com'), undefined);
    } finally {
      await other.close();
    }
  });

  it('summarises accounts: default first, key counts (root and IAM users), no secrets', async () => {
    const { account } = await store.createAccountWithRootKey({ displayName: 'Bob', email: 'bob@example.com' });
    await store.iam.users.create({ accountId: account.accountId, userName: 'app', path: '/' });
    await store.createAccessKey({ accountId: account.accountId, userName: 'app' });
    const summaries = await store.listAccountSummaries();
    assert.deepEqual(summaries[0], { account: root, isDefault: true, createdAt: now, accessKeys: 1, rootAccessKeys: 1 });
    const bob = summaries.find((s) => s.account.accountId === account.accountId);
    assert.deepEqual(bob, { account, isDefault: false, createdAt: now, accessKeys: 2, rootAccessKeys: 1 });
    assert.doesNotMatch(JSON.stringify(summaries), /secret/i);
  });

  it('deleting an account deletes its keys (root and users) and its settings', async () => {
    const { account, rootKey } = await store.createAccountWithRootKey({ displayName: 'Carol', email: 'carol@example.com' });
    await store.iam.users.create({ accountId: account.accountId, userName: 'u', path: '/' });
    const userKey = await store.createAccessKey({ accountId: account.accountId, userName: 'u' });
    await store.putAccountPublicAccessBlock(account.accountId, ALL_ON);
    await store.deleteAccount(account.accountId);
    for (const id of [rootKey.accessKeyId, userKey.accessKeyId]) {
      assert.equal(await store.getAccessKey(id), undefined);
      assert.deepEqual(await store.resolve(id, undefined, now), { failure: 'unknown-key' });
    }
    assert.equal(await store.getAccountPublicAccessBlock(account.accountId), undefined);
    // The address is free again.
    await store.createAccountWithRootKey({ displayName: 'Carol', email: 'carol@example.com' });
  });

  it('account-level Block Public Access: none, put (replaces), delete', async () => {
    const { account } = await store.createAccountWithRootKey({ displayName: 'Dave', email: 'dave@example.com' });
    const id = account.accountId;
    assert.equal(await store.getAccountPublicAccessBlock(id), undefined);
    assert.equal(await store.deleteAccountPublicAccessBlock(id), false);
    const some = { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false };
    await store.putAccountPublicAccessBlock(id, some);
    assert.deepEqual(await store.getAccountPublicAccessBlock(id), some);
    await store.putAccountPublicAccessBlock(id, { ...some, blockPublicAcls: false, restrictPublicBuckets: true });
    assert.deepEqual(await store.getAccountPublicAccessBlock(id), { ...some, blockPublicAcls: false, restrictPublicBuckets: true });
    // All four off is a configuration too (distinct from none), as in s3control.
    const off = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
    await store.putAccountPublicAccessBlock(id, off);
    assert.deepEqual(await store.getAccountPublicAccessBlock(id), off);
    assert.equal(await store.deleteAccountPublicAccessBlock(id), true);
    assert.equal(await store.getAccountPublicAccessBlock(id), undefined);
    assert.equal(await store.getAccountPublicAccessBlock(root.accountId), undefined, 'other accounts are untouched');
  });

  it('settings of an unknown account: reads say none, writes refuse', async () => {
    assert.equal(await store.getAccountPublicAccessBlock('999999999999'), undefined);
    await rejectsWith(store.putAccountPublicAccessBlock('999999999999', ALL_ON), 'no-such-account', /no account 999999999999/);
    await rejectsWith(store.deleteAccountPublicAccessBlock('999999999999'), 'no-such-account');
  });

  it('a second store on the same file (another process) sees changes from the next turn of the event loop', async () => {
    const other = new SqliteIdentityStore({ dir, masterKey: KEY, now: () => now, durability: 'none' });
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    try {
      assert.equal(await store.getAccountPublicAccessBlock(root.accountId), undefined); // cached
      await other.putAccountPublicAccessBlock(root.accountId, ALL_ON);
      await nextTurn();
      assert.deepEqual(await store.getAccountPublicAccessBlock(root.accountId), ALL_ON);
      await other.deleteAccountPublicAccessBlock(root.accountId);
      await nextTurn();
      assert.equal(await store.getAccountPublicAccessBlock(root.accountId), undefined);
    } finally {
      await other.close();
    }
  });
});

describe('identity migration 3', () => {
  it('upgrades a version-2 database, keeping its accounts and keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coffer-accounts-v2-'));
    try {
      const v2 = openSqliteFile({ dir, file: 'identity.sqlite', migrations: IDENTITY_MIGRATIONS.slice(0, 2), label: 'identity' });
      v2.prepare("INSERT INTO accounts VALUES ('111122223333', ?, 'old', 'old@example.com', 1, 0)").run('a'.repeat(64));
      v2.close();
      const store = new SqliteIdentityStore({ dir, masterKey: KEY, now: () => 0, durability: 'none' });
      try {
        assert.equal((await store.defaultAccount())?.displayName, 'old');
        await store.putAccountPublicAccessBlock('111122223333', ALL_ON);
        assert.deepEqual(await store.getAccountPublicAccessBlock('111122223333'), ALL_ON);
        await rejectsWith(store.createAccountWithRootKey({ displayName: 'x', email: 'OLD@example.com' }), 'email-taken');
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
