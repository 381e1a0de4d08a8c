import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MIGRATIONS } from './migrations/index.ts';
import { METADATA_FILE, migrate, openDatabase } from './open-database.ts';

describe('openDatabase', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coffer-sqlite-open-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates metadata.sqlite (and its WAL) readable by the owner only', async () => {
    const db = openDatabase({ dir });
    db.prepare("INSERT INTO buckets VALUES ('b', 'r', '', '1', 'c', 'd', 0)").run();
    for (const file of [METADATA_FILE, `${METADATA_FILE}-wal`]) {
      assert.equal((await stat(join(dir, file))).mode & 0o777, 0o600, file);
    }
    db.close();
  });

  it('uses WAL, foreign keys, a busy timeout, and synchronous by durability', () => {
    const full = openDatabase({ dir });
    assert.equal(full.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(full.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(full.pragma('busy_timeout', { simple: true }), 5000);
    assert.equal(full.pragma('synchronous', { simple: true }), 2); // FULL
    full.close();
    const normal = openDatabase({ dir, durability: 'normal', busyTimeoutMs: 250 });
    assert.equal(normal.pragma('synchronous', { simple: true }), 1); // NORMAL
    assert.equal(normal.pragma('busy_timeout', { simple: true }), 250);
    normal.close();
  });

  it('migrates a new database to the latest version, once', () => {
    const db = openDatabase({ dir });
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.at(-1)!.version);
    db.close();
    openDatabase({ dir }).close(); // would fail on CREATE TABLE if it ran again
  });

  it('applies only the steps a database has not had', () => {
    const db = new Database(join(dir, 'x.sqlite'));
    migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE one (a)' }]);
    migrate(db, [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (a)' },
      { version: 2, name: 'two', sql: 'ALTER TABLE one ADD COLUMN b' },
    ]);
    assert.equal(db.pragma('user_version', { simple: true }), 2);
    assert.deepEqual(
      db.prepare('SELECT name FROM pragma_table_info(?)').all('one'),
      [{ name: 'a' }, { name: 'b' }],
    );
    db.close();
  });

  it('rolls a failing step back whole', () => {
    const db = new Database(join(dir, 'x.sqlite'));
    const bad = { version: 1, name: 'bad', sql: 'CREATE TABLE t (a); SELECT nonsense FROM nowhere' };
    assert.throws(() => migrate(db, [bad]));
    assert.equal(db.pragma('user_version', { simple: true }), 0);
    assert.deepEqual(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get(), { n: 0 });
    db.close();
  });

  it('refuses a database from a newer Coffer', () => {
    const db = new Database(join(dir, METADATA_FILE));
    db.pragma('user_version = 999');
    db.close();
    assert.throws(() => openDatabase({ dir }), /newer than this Coffer understands/);
  });
});
