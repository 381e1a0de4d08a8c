/**
 * `coffer explain <request-id>`: why the server allowed or refused a request, from its audit
 * log (diagnostics/audit). This file reads flags, finds the record and formats it: --json as
 * the record itself, text for people (coloured on a terminal unless NO_COLOR is set).
 */
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../config/config.ts';
import { auditDirOf } from '../diagnostics/audit/audit-files.ts';
import type { TraceLine } from '../diagnostics/audit/describe-trace.ts';
import { explainRecord, type Explanation } from '../diagnostics/audit/explain-record.ts';
import { findAuditRecord } from '../diagnostics/audit/find-audit-record.ts';
import { palette, processIo, type CommandIo, type Palette } from './command-io.ts';

const HELP = `usage: coffer explain <request-id> [options]

Why a request was allowed or refused, from the server's audit log: who asked for what, when,
from where and how it was signed; the decision in plain words; and the evidence — the policy
statements (with each condition and the request's value), the ACL grant, or the
authentication check that failed. The request id is the x-amz-request-id response header (the
RequestId of an error document).

  --data-dir <dir>   the server's data directory (default: COFFER_DATA_DIR, else ./data)
  --json             print the audit record as JSON

Exit status: 0 when the request is found, 1 when it is not in the audit log, 2 on bad usage.
`;

export async function explainCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.stderr.write(`coffer explain: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0]!.trim() === '') {
    io.stderr.write(`coffer explain: give one request id\n\n${HELP}`);
    return 2;
  }
  const requestId = positionals[0]!.trim();
  const dataDir = values['data-dir'] ?? (io.env.COFFER_DATA_DIR || DEFAULTS.dataDir);
  const { found, files } = await findAuditRecord(dataDir, requestId);
  if (found === undefined) {
    io.stderr.write(`coffer explain: ${notFound(requestId, auditDirOf(dataDir), files)}\n`);
    return 1;
  }
  io.stdout.write(values.json === true ? JSON.stringify(found.record, null, 2) + '\n' : renderExplanation(explainRecord(found.record), palette(io)));
  return 0;
}

export function notFound(requestId: string, dir: string, files: readonly string[]): string {
  if (files.length === 0) {
    return `no audit log in ${dir}: is this the server's --data-dir? (The server writes one unless started with --audit off.)`;
  }
  return (
    `request ${requestId} is not in the audit log (${dir}, ${files.length} file${files.length === 1 ? '' : 's'}, ${files[files.length - 1]} to ${files[0]}). ` +
    'Request ids are the x-amz-request-id header; a server started with --audit denials keeps only refusals, and files older than --audit-retention are removed.'
  );
}

/** The text form of an explanation, shared by `coffer explain` and `coffer simulate`. */
export function renderExplanation(e: Explanation, p: Palette): string {
  const paintVerdict = { allowed: (t: string) => p.green(p.bold(`✓ ${t}`)), denied: (t: string) => p.red(p.bold(`✗ ${t}`)), failed: (t: string) => p.red(p.bold(`✗ ${t}`)), neutral: (t: string) => p.yellow(p.bold(`• ${t}`)) }[e.verdict.tone];
  const out = [paintVerdict(e.verdict.text)];
  for (const [label, value] of e.facts) out.push(`  ${p.dim(label.padEnd(12))} ${value}`);
  if (e.reason !== undefined) out.push('', `${p.bold('why:')} ${e.reason}`);
  if (e.trace.length > 0) out.push('', p.bold('evidence:'), ...e.trace.map((l) => traceLine(l, p)));
  return out.join('\n') + '\n';
}

function traceLine(l: TraceLine, p: Palette): string {
  const mark = { allow: p.green('✓'), deny: p.red('✗'), held: p.yellow('●'), failed: p.dim('○'), note: p.cyan('i') }[l.tone];
  return `${'  '.repeat(l.depth + 1)}${mark} ${l.tone === 'note' ? p.dim(l.text) : l.text}`;
}
