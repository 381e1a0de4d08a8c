import type Database from 'better-sqlite3';

/**
 * Applies the numbered migration steps the database has not seen yet, each in its own
 * transaction, recording progress in PRAGMA user_version. Refuses a database newer than the code.
 */
export function migrate(db: Database.Database, steps: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > steps.length) {
    throw new Error(`database schema version ${current} is newer than this Coffer (${steps.length}); upgrade Coffer`);
  }
  for (let version = current; version < steps.length; version++) {
    db.transaction(() => {
      db.exec(steps[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
