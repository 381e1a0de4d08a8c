import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runMetadataStoreConformance } from '../conformance/metadata-store.suite.ts';
import { bucket, object, richObject } from '../conformance/metadata/fixtures.ts';
import { WriteConditionFailedError } from '../errors.ts';
import { SqliteMetadataStore } from './sqlite-metadata-store.ts';

runMetadataStoreConformance('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'coffer-sqlite-'));
  const store = new SqliteMetadataStore({ dir, durability: 'normal' });
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteMetadataStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coffer-sqlite-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps what it stored across close and reopen', async () => {
    const first = new SqliteMetadataStore({ dir });
    await first.createBucket(bucket('b'));
    await first.putBucketConfig('b', 'versioning', { status: 'Enabled' });
    await first.putObject(richObject('b', 'k'));
    await first.close();
    await first.close(); // closing twice is harmless
    const second = new SqliteMetadataStore({ dir });
    assert.deepEqual(await second.getObject('b', 'k'), richObject('b', 'k'));
    assert.deepEqual(await second.getBucketConfig('b', 'versioning'), { status: 'Enabled' });
    await second.close();
  });

  it('two stores on one file (two processes later) see each other and keep conditions', async () => {
    const a = new SqliteMetadataStore({ dir });
    const b = new SqliteMetadataStore({ dir });
    await a.createBucket(bucket('shared'));
    await a.putObject(object('shared', 'k'), { ifNoneMatch: true });
    assert.deepEqual(await b.getObject('shared', 'k'), object('shared', 'k'));
    await assert.rejects(b.putObject(object('shared', 'k'), { ifNoneMatch: true }), WriteConditionFailedError);
    await a.close();
    await b.close();
  });

  it('a write waiting for another process\'s lock does not block this process: reads and timers go on', async () => {
    const store = new SqliteMetadataStore({ dir });
    await store.createBucket(bucket('shared'));
    await store.putObject(object('shared', 'before'));
    // Another process holds the write lock (a raw connection in a write transaction).
    const other = new Database(join(dir, 'metadata.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    const write = store.putObject(object('shared', 'waits'));
    let settled = false;
    void write.then(() => (settled = true));
    // Without the non-blocking BEGIN, SQLite's busy handler would sleep here for 5 s, event loop and all.
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 30));
    assert.ok(Date.now() - started < 500, 'the event loop kept turning');
    assert.deepEqual(await store.getObject('shared', 'before'), object('shared', 'before'), 'reads are served meanwhile');
    assert.equal(settled, false, 'the write waits for the lock');
    const joining = store.putObject(object('shared', 'joins'));
    other.exec('COMMIT');
    other.close();
    await Promise.all([write, joining]);
    assert.deepEqual(await store.getObject('shared', 'waits'), object('shared', 'waits'));
    assert.deepEqual(await store.getObject('shared', 'joins'), object('shared', 'joins'));
    await store.close();
  });

  it('a lock held past busyTimeoutMs fails the waiting writes with SQLITE_BUSY, and nothing is written', async () => {
    const store = new SqliteMetadataStore({ dir, busyTimeoutMs: 100 });
    await store.createBucket(bucket('shared'));
    const other = new Database(join(dir, 'metadata.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    await assert.rejects(store.putObject(object('shared', 'k')), (e: { code?: string }) => e.code === 'SQLITE_BUSY');
    const waited = Date.now() - started;
    assert.ok(waited >= 100 && waited < 2000, `gave up after ${waited} ms`);
    other.exec('ROLLBACK');
    other.close();
    assert.equal(await store.getObject('shared', 'k'), undefined);
    // The next write, with the lock free, goes through.
    await store.putObject(object('shared', 'k'));
    assert.deepEqual(await store.getObject('shared', 'k'), object('shared', 'k'));
    await store.close();
  });

  it("bucket state cached by one store follows the other store's changes (another process)", async () => {
    const server = new SqliteMetadataStore({ dir });
    const admin = new SqliteMetadataStore({ dir });
    await server.createBucket(bucket('shared'));
    // Another connection's commits are seen from the next turn of the event loop.
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual((await server.getBucketState('shared'))?.configs, {}); // now cached
    await admin.putBucketConfig('shared', 'versioning', { status: 'Enabled' });
    await nextTurn();
    assert.deepEqual((await server.getBucketState('shared'))?.configs, { versioning: { status: 'Enabled' } });
    await admin.deleteBucketConfig('shared', 'versioning');
    await nextTurn();
    assert.deepEqual((await server.getBucketState('shared'))?.configs, {});
    await admin.deleteBucket('shared');
    await nextTurn();
    assert.equal(await server.getBucketState('shared'), undefined);
    await server.close();
    await admin.close();
  });

  it('bucket state is shared between requests, so it is frozen', async () => {
    const store = new SqliteMetadataStore({ dir });
    await store.createBucket(bucket('b'));
    await store.putBucketConfig('b', 'versioning', { status: 'Enabled' });
    const state = (await store.getBucketState('b'))!;
    assert.equal(await store.getBucketState('b'), state);
    assert.throws(() => {
      (state.configs.versioning as { status: string }).status = 'Suspended';
    }, TypeError);
    await store.putBucketConfig('b', 'versioning', { status: 'Suspended' });
    assert.deepEqual((await store.getBucketState('b'))!.configs.versioning, { status: 'Suspended' });
    await store.close();
  });

  it('two stores in two directories share nothing', async () => {
    const a = new SqliteMetadataStore({ dir: join(dir, 'a') });
    const b = new SqliteMetadataStore({ dir: join(dir, 'b') });
    await a.createBucket(bucket('only-a'));
    assert.equal(await b.getBucket('only-a'), undefined);
    await a.close();
    await b.close();
  });
});
