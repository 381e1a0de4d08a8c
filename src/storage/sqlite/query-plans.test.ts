/**
 * Hot paths must stay index lookups: a page of keys, a version history, a blob reference
 * check cost the same at 10 thousand or 1 million rows. Every prepared statement is planned
 * here, and none may scan a whole table or sort in a temporary B-tree.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { openDatabase } from './open-database.ts';
import { prepareStatements } from './statements.ts';

/** Statements allowed to read a whole (small) table: listing every bucket. */
const FULL_LISTINGS = new Set(['listBuckets']);

describe('query plans', () => {
  let dir: string;
  let db: Database.Database;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coffer-sqlite-plan-'));
    db = openDatabase({ dir });
  });
  after(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const plan = (source: string, params: number): string[] => {
    const args = Array.from({ length: params }, () => null);
    return db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${source}`)
      .all(...args)
      .map((r) => r.detail);
  };

  it('no statement scans a table or sorts in a temporary B-tree', () => {
    const statements = prepareStatements(db);
    for (const [name, statement] of Object.entries(statements)) {
      // Inserts by named parameters plan nothing but the primary-key write.
      if (FULL_LISTINGS.has(name) || /@\w/.test(statement.source)) continue;
      const details = plan(statement.source, (statement.source.match(/\?/g) ?? []).length);
      for (const d of details) {
        assert.doesNotMatch(d, /^SCAN (?!j\b)/, `${name}: ${d}`); // j: the json_each argument list
        assert.doesNotMatch(d, /TEMP B-TREE/, `${name}: ${d}`);
      }
    }
  });

  it('a page of current objects is one range over the current_objects index', () => {
    const details = plan(prepareStatements(db).scanObjects.source, 4);
    assert.deepEqual(details, ['SEARCH versions USING INDEX current_objects (bucket=? AND key>? AND key<?)']);
  });

  it('a version page is one range over versions_by_key, in index order', () => {
    const details = plan(prepareStatements(db).scanVersions.source, 4);
    assert.deepEqual(details, ['SEARCH versions USING INDEX versions_by_key (bucket=? AND key>? AND key<?)']);
  });
});
