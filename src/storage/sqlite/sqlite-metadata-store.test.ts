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

  it('two stores in two directories share nothing', async () => {
    const a = new SqliteMetadataStore({ dir: join(dir, 'a') });
    const b = new SqliteMetadataStore({ dir: join(dir, 'b') });
    await a.createBucket(bucket('only-a'));
    assert.equal(await b.getBucket('only-a'), undefined);
    await a.close();
    await b.close();
  });
});
