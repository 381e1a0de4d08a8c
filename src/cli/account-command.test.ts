import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bootstrapRoot } from '../iam/bootstrap-root.ts';
import { loadMasterKey } from '../iam/master-key.ts';
import { SqliteIdentityStore } from '../iam/sqlite/sqlite-identity-store.ts';
import { SqliteMetadataStore } from '../storage/sqlite/sqlite-metadata-store.ts';
import { adminCommand } from './admin-command.ts';
import { captureIo } from './testing/capture-io.ts';

/** A data directory as `coffer server` leaves it after its first start. */
async function serverDataDir(): Promise<{ dir: string; rootId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'coffer-account-cli-'));
  const identity = new SqliteIdentityStore({ dir, masterKey: loadMasterKey(dir, undefined), now: () => 0, durability: 'none' });
  const { account } = await bootstrapRoot(identity, undefined);
  await identity.close();
  return { dir, rootId: account.accountId };
}

/** Each command a second after the last, so that accounts list in the order they were made. */
let clock = Date.UTC(2024, 4, 1);

async function admin(argv: string[], env: Record<string, string> = {}) {
  const io = captureIo({ env, now: (clock += 1000) });
  const code = await adminCommand(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('coffer admin account (in-process)', () => {
  let dir: string;
  let rootId: string;
  before(async () => ({ dir, rootId } = await serverDataDir()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('create prints the ids and the credentials once, ready to paste', async () => {
    const r = await admin(['account', 'create', '--name', 'Team Alpha', '--email', 'alpha@example.com', '--data-dir', dir], { COFFER_PORT: '9100' });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Created account \d{12} \(Team Alpha, alpha@example\.com\)\n  canonical id: [0-9a-f]{64}\n/);
    assert.match(r.out, /\n  export AWS_ACCESS_KEY_ID=AKIA[A-Z2-7]{16}\n  export AWS_SECRET_ACCESS_KEY=\S{40}\n  export AWS_REGION=us-east-1\n  export AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:9100\n/);
    assert.match(r.out, /aws --profile coffer-team-alpha --endpoint-url http:\/\/127\.0\.0\.1:9100 s3 ls/);
  });

  it('create --json; list (table and --json) never shows a secret', async () => {
    const created = await admin(['account', 'create', '--name', 'Beta', '--email', 'beta@example.com', '--data-dir', dir, '--json']);
    assert.equal(created.code, 0, created.err);
    const beta = JSON.parse(created.out);
    assert.deepEqual(Object.keys(beta), ['accountId', 'canonicalId', 'displayName', 'email', 'accessKeyId', 'secretAccessKey']);

    const listed = await admin(['account', 'list', '--data-dir', dir, '--json']);
    assert.equal(listed.code, 0, listed.err);
    const accounts = JSON.parse(listed.out);
    assert.deepEqual(accounts.map((a: { displayName: string }) => a.displayName), ['coffer', 'Team Alpha', 'Beta']);
    assert.deepEqual(accounts[0], {
      accountId: rootId, canonicalId: accounts[0].canonicalId, displayName: 'coffer', email: 'root@coffer.local',
      default: true, accessKeys: 1, rootAccessKeys: 1, createdAt: '1970-01-01T00:00:00.000Z',
    });
    assert.equal(accounts[2].accountId, beta.accountId);
    assert.equal(accounts[2].default, false);
    assert.ok(!listed.out.includes(beta.secretAccessKey));

    const table = await admin(['account', 'list', '--data-dir', dir]);
    const lines = table.out.trimEnd().split('\n');
    assert.match(lines[0]!, /^ACCOUNT ID {4}CANONICAL ID {54}NAME {8}EMAIL {14}DEFAULT {2}KEYS$/);
    assert.match(lines[1]!, new RegExp(`^${rootId}  [0-9a-f]{64}  coffer {6}root@coffer\\.local  yes {6}1$`));
    assert.equal(lines.length, 4);
    assert.ok(!table.out.includes(beta.secretAccessKey));
  });

  it('refuses a taken e-mail address (any case) and bad input', async () => {
    const taken = await admin(['account', 'create', '--name', 'Again', '--email', 'ALPHA@example.com', '--data-dir', dir]);
    assert.equal(taken.code, 1);
    assert.match(taken.err, /^coffer admin account: the e-mail address ALPHA@example\.com is already used by account \d{12}\n$/);
    const cases: Array<[string[], RegExp]> = [
      [['account', 'create', '--email', 'x@example.com', '--data-dir', dir], /needs a name \(--name\)/],
      [['account', 'create', '--name', 'X', '--email', 'x', '--data-dir', dir], /"x" is not an e-mail address/],
      [['account', 'create', '--name', 'X', '--email', 'x@example.com', '--colour', 'red'], /Unknown option '--colour'/],
      [['account', 'list', '--name', 'X', '--data-dir', dir], /list takes no --name/],
      [['account', 'delete', '--data-dir', dir], /delete takes one account id/],
      [['account', 'delete', '12', '--data-dir', dir], /"12" is not an account id \(12 digits\)/],
      [['account', 'rename'], /unknown subcommand "rename"/],
      [['account', 'list', '--data-dir', join(dir, 'nope')], /nope is not a Coffer data directory \(no identity\.sqlite\)/],
    ];
    for (const [argv, message] of cases) {
      const r = await admin(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message);
    }
    assert.ok(!existsSync(join(dir, 'nope')), 'no directory is created for a wrong --data-dir');
  });

  it('without master.key (the server uses COFFER_MASTER_KEY) create needs the variable; list does not', async () => {
    const other = mkdtempSync(join(tmpdir(), 'coffer-account-cli-env-'));
    try {
      const masterKey = 'ab'.repeat(32);
      const identity = new SqliteIdentityStore({ dir: other, masterKey: loadMasterKey(other, masterKey), now: () => 0, durability: 'none' });
      await bootstrapRoot(identity, undefined);
      await identity.close();
      const missing = await admin(['account', 'create', '--name', 'N', '--email', 'n@example.com', '--data-dir', other]);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /master\.key does not exist: set COFFER_MASTER_KEY/);
      assert.equal((await admin(['account', 'list', '--data-dir', other])).code, 0);
      const wrong = await admin(['account', 'create', '--name', 'N', '--email', 'n@example.com', '--data-dir', other], { COFFER_MASTER_KEY: 'cd'.repeat(32) });
      assert.equal(wrong.code, 1);
      assert.match(wrong.err, /the master key does not open the secrets in this data directory/);
      const right = await admin(['account', 'create', '--name', 'N', '--email', 'n@example.com', '--data-dir', other], { COFFER_MASTER_KEY: masterKey });
      assert.equal(right.code, 0, right.err);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('delete refuses the default account and an owner of buckets, then deletes; COFFER_DATA_DIR works', async () => {
    const created = JSON.parse((await admin(['account', 'create', '--name', 'Gone', '--email', 'gone@example.com', '--json'], { COFFER_DATA_DIR: dir })).out);
    const metadata = new SqliteMetadataStore({ dir, durability: 'normal' });
    await metadata.createBucket({
      name: 'gone-bucket',
      region: 'us-east-1',
      locationConstraint: '',
      owner: { accountId: created.accountId, canonicalId: created.canonicalId, displayName: 'Gone' },
      createdAt: 0,
    });

    const def = await admin(['account', 'delete', rootId, '--data-dir', dir]);
    assert.equal(def.code, 1);
    assert.match(def.err, /is the default account .* cannot be deleted/);
    const busy = await admin(['account', 'delete', created.accountId, '--data-dir', dir]);
    assert.equal(busy.code, 1);
    assert.match(busy.err, new RegExp(`account ${created.accountId} still owns 1 bucket \\(gone-bucket\\); delete them first`));

    await metadata.deleteBucket('gone-bucket');
    await metadata.close();
    const ok = await admin(['account', 'delete', created.accountId, '--data-dir', dir]);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.out, `deleted account ${created.accountId} (Gone, gone@example.com) and its 1 access key\n`);
    const again = await admin(['account', 'delete', created.accountId, '--data-dir', dir, '--json']);
    assert.equal(again.code, 1);
    assert.match(again.err, /there is no account/);
  });

  it('--help says it is safe beside a running server', async () => {
    for (const argv of [['account', '--help'], ['account', 'list', '--help']]) {
      const r = await admin(argv);
      assert.equal(r.code, 0);
      assert.match(r.out, /safe to run while a\nserver is using it/);
    }
    const top = await admin(['--help']);
    assert.match(top.out, /account {14}create, list and delete/);
    assert.match(top.out, /public-access-block {2}an account's Block Public Access settings/);
  });
});

describe('coffer admin public-access-block (in-process)', () => {
  let dir: string;
  let rootId: string;
  before(async () => ({ dir, rootId } = await serverDataDir()));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const pab = (...argv: string[]) => admin(['public-access-block', '--data-dir', dir, ...argv]);

  it('shows none, sets (merging flags not given), shows, deletes', async () => {
    const none = await pab('--account', rootId);
    assert.equal(none.code, 0, none.err);
    assert.match(none.out, new RegExp(`^account ${rootId} has no Block Public Access settings: every setting is off at account level`));
    assert.deepEqual(JSON.parse((await pab('--account', rootId, '--show', '--json')).out), { AccountId: rootId, PublicAccessBlockConfiguration: null });

    const set = await pab('--account', rootId, '--block-public-acls', 'true', '--block-public-policy', 'TRUE');
    assert.equal(set.code, 0, set.err);
    assert.equal(
      set.out,
      `Block Public Access of account ${rootId}:\n  BlockPublicAcls        true\n  IgnorePublicAcls       false\n  BlockPublicPolicy      true\n  RestrictPublicBuckets  false\n`,
    );
    const merged = await pab('--account', rootId, '--block-public-acls', 'false', '--restrict-public-buckets', 'true', '--json');
    assert.deepEqual(JSON.parse(merged.out), {
      AccountId: rootId,
      PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    });
    assert.deepEqual(JSON.parse((await pab('--account', rootId, '--show', '--json')).out), JSON.parse(merged.out));

    const removed = await pab('--account', rootId, '--delete');
    assert.equal(removed.out, `removed the Block Public Access settings of account ${rootId}: every setting is off at account level\n`);
    assert.match((await pab('--account', rootId, '--delete')).out, /had no Block Public Access settings: nothing to remove/);
    assert.match((await pab('--account', rootId, '--show')).out, /has no Block Public Access settings/);
  });

  it('usage errors exit 2, an unknown account exits 1', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /which account\? give its 12-digit id/],
      [['--account', 'x'], /"x" is not an account id/],
      [['--account', rootId, '--block-public-acls', 'yes'], /--block-public-acls: "yes" is not true or false/],
      [['--account', rootId, '--block-public-acls', 'true', '--delete'], /give settings, --delete or --show: one of them/],
      [['--account', rootId, '--show', '--delete'], /one of them/],
      [['--account', rootId, '--block-public-acls'], /argument missing/],
    ];
    for (const [argv, message] of cases) {
      const r = await pab(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message);
    }
    const unknown = await pab('--account', '999999999999', '--block-public-acls', 'true');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /^coffer admin public-access-block: there is no account 999999999999/);
  });
});
