/**
 * `--explain-denials` (test environments only: it tells a caller why it was refused, which AWS
 * never does): `x-coffer-denial-reason` on AccessDenied responses, with the words the audit
 * record and `coffer explain` use. Printable ASCII only — header values are ISO-8859-1 at best,
 * and a policy's Sid or a key may hold anything — and at most 1024 characters.
 */
import type { S3Error } from '../../s3/errors/s3-error.ts';
import type { PipelineOutcome } from '../../s3/pipeline.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import type { S3Response } from '../../s3/s3-response.ts';
import { buildAuditRecord } from './build-audit-record.ts';

export const DENIAL_REASON_HEADER = 'x-coffer-denial-reason';
const MAX_LENGTH = 1024;

export function withDenialReason(
  response: S3Response,
  req: S3Request,
  outcome: Omit<PipelineOutcome, 'response'> & { error: S3Error },
): S3Response {
  if (outcome.error.code !== 'AccessDenied') return response;
  const record = buildAuditRecord({ requestId: req.id, req, outcome: { ...outcome, response }, receivedAt: req.receivedAt });
  const reason = record.reason ?? outcome.error.reason ?? outcome.error.message;
  return { ...response, headers: { ...response.headers, [DENIAL_REASON_HEADER]: headerSafe(reason) } };
}

const REPLACEMENTS: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2026': '...', '\u2013': '-', '\u2014': '-', '\u2265': '>=', '\u2264': '<=' };

export function headerSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (ch === '\t' || ch === '\n' || ch === '\r') out += ' ';
    else out += REPLACEMENTS[ch] ?? '?';
    if (out.length > MAX_LENGTH) break;
  }
  return out.length > MAX_LENGTH ? out.slice(0, MAX_LENGTH - 3) + '...' : out;
}
