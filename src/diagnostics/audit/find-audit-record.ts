/**
 * Finds the audit record of a request id: the newest files first, line by line (a file is never
 * read into memory whole), parsing only lines that contain the id. A line still being written
 * by the server (no newline yet, or cut short) is skipped.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditRecord } from './audit-record.ts';
import { auditDirOf, listAuditFiles } from './audit-files.ts';

export interface FoundRecord {
  record: AuditRecord;
  file: string;
}

export interface AuditSearch {
  found: FoundRecord | undefined;
  /** The files read (newest first): none when the data directory has no audit log. */
  files: string[];
}

export async function findAuditRecord(dataDir: string, requestId: string): Promise<AuditSearch> {
  const dir = auditDirOf(dataDir);
  const files = await listAuditFiles(dir);
  const needle = JSON.stringify(requestId);
  for (const name of files) {
    const file = join(dir, name);
    const record = await searchFile(file, requestId, needle);
    if (record !== undefined) return { found: { record, file }, files };
  }
  return { found: undefined, files };
}

async function searchFile(file: string, requestId: string, needle: string): Promise<AuditRecord | undefined> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.includes(needle)) continue;
      let record: AuditRecord;
      try {
        record = JSON.parse(line) as AuditRecord;
      } catch {
        continue;
      }
      if (record.requestId === requestId || record.queryRequestId === requestId) return record;
    }
  } finally {
    lines.close();
  }
  return undefined;
}
