/**
 * The audit log's files: `<data-dir>/audit/audit-YYYY-MM-DD.jsonl`, one per UTC day of the
 * server clock; which of them retention removes; and the newest-first order `explain` reads.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const AUDIT_DIR = 'audit';
const DAY_MS = 86_400_000;
const FILE = /^audit-(\d{4}-\d{2}-\d{2})\.jsonl$/;

export function auditDirOf(dataDir: string): string {
  return join(dataDir, AUDIT_DIR);
}

/** `2024-05-01` for a time on that UTC day. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function auditFileName(day: string): string {
  return `audit-${day}.jsonl`;
}

/**
 * The files whose whole day ended more than `retentionMs` ago: with 30d, a file is removed once
 * its last record is 30 days old, so every record is kept at least that long. Today's file is
 * never removed, even with a retention shorter than a day.
 */
export function expiredAuditFiles(names: readonly string[], now: number, retentionMs: number): string[] {
  const today = utcDay(now);
  return names.filter((name) => {
    const day = FILE.exec(name)?.[1];
    if (day === undefined || day >= today) return false;
    return Date.parse(`${day}T00:00:00Z`) + DAY_MS <= now - retentionMs;
  });
}

/** Audit file names, newest day first; none when the directory does not exist. */
export async function listAuditFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names.filter((n) => FILE.test(n)).sort().reverse();
}

/** Removes the files retention no longer keeps; returns their names. */
export async function removeExpiredAuditFiles(dir: string, now: number, retentionMs: number): Promise<string[]> {
  const expired = expiredAuditFiles(await listAuditFiles(dir), now, retentionMs);
  for (const name of expired) {
    try {
      await unlink(join(dir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return expired;
}
