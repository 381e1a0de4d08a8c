/**
 * The audit log the server writes after each response: `--audit all` records every request,
 * `denials` only those refused by authorization or authentication, `off` nothing. Recording
 * never throws into the request and never waits for the disk (see DailyJsonlWriter).
 */
import type { Clock } from '../../lib/clock.ts';
import type { AuditRecord } from './audit-record.ts';
import { auditDirOf } from './audit-files.ts';
import { buildAuditRecord, type AuditInput } from './build-audit-record.ts';
import { DailyJsonlWriter } from './daily-jsonl-writer.ts';

export type AuditMode = 'off' | 'denials' | 'all';
export const AUDIT_MODES: readonly AuditMode[] = ['off', 'denials', 'all'];

export interface AuditSink {
  /** Records one finished request. Cheap; never throws. */
  record(input: AuditInput): void;
  /** Resolves once everything recorded so far is on disk (tests, shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface AuditLogOptions {
  dataDir: string;
  mode: AuditMode;
  retentionMs: number;
  clock: Clock;
  onError: (error: Error) => void;
}

const NONE: AuditSink = { record: () => {}, flush: async () => {}, close: async () => {} };

export async function openAuditLog(options: AuditLogOptions): Promise<AuditSink> {
  if (options.mode === 'off') return NONE;
  const writer = await DailyJsonlWriter.open({ dir: auditDirOf(options.dataDir), clock: options.clock, retentionMs: options.retentionMs, onError: options.onError });
  const denialsOnly = options.mode === 'denials';
  return {
    record(input) {
      // Allowed and error-free requests are most of the traffic: skip them before building anything
      // (a DeleteObjects that refused some keys answers 200, but its decision is a denial).
      const { error, decision } = input.outcome;
      if (denialsOnly && (decision?.allowed === true || (error === undefined && decision === undefined))) return;
      try {
        const record = buildAuditRecord(input);
        if (denialsOnly && !isDenial(record)) return;
        writer.append(JSON.stringify(record));
      } catch (e) {
        options.onError(e as Error);
      }
    },
    flush: () => writer.flush(),
    close: () => writer.close(),
  };
}

/** Refused by a policy, an ACL, or authentication — what `--audit denials` keeps. */
export function isDenial(record: AuditRecord): boolean {
  return (
    record.decision === 'explicit-deny' ||
    record.decision === 'implicit-deny' ||
    record.decision === 'not-authorized-because-authentication-failed' ||
    record.error?.code === 'AccessDenied'
  );
}
