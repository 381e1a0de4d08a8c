/**
 * `coffer simulate --request <request-id>`: the question a recorded request asked — its
 * principal, action, resource and every condition key it supplied — to be decided again over
 * the policies stored now. "Would yesterday's denied request pass with the policy I just
 * changed?" Flags given with --request add to (or, for a key given twice, override) the
 * recorded context.
 */
import type { AuditRecord } from '../audit/audit-record.ts';
import { SimulateInputError } from './parse-context.ts';

export interface ReplayedQuestion {
  principal: string;
  action: string;
  resource: string;
  context: string[];
}

const AUTH_TYPE: Record<string, string> = {
  'v4-header': 'REST-HEADER',
  'v2-header': 'REST-HEADER',
  'v4-query': 'REST-QUERY-STRING',
  'v2-query': 'REST-QUERY-STRING',
  'post-policy': 'POST',
};

export function replayInput(record: AuditRecord): ReplayedQuestion {
  const id = record.requestId;
  if (record.principal === 'unauthenticated') {
    throw new SimulateInputError(`request ${id} failed authentication (${record.error?.code ?? 'refused'}): no principal to simulate; coffer explain ${id} says why`);
  }
  if (record.action === undefined || record.resource === undefined) {
    throw new SimulateInputError(`request ${id} (${record.operation ?? 'unparsed'}) was answered without an S3 authorization decision: nothing to simulate; coffer explain ${id} says why`);
  }
  const context = [`aws:CurrentTime=${record.time}`];
  if (record.sourceIp !== undefined) context.push(`aws:SourceIp=${record.sourceIp}`);
  if (record.secureTransport !== undefined) context.push(`aws:SecureTransport=${record.secureTransport}`);
  if (record.userAgent !== undefined) context.push(`aws:UserAgent=${record.userAgent}`);
  const signing = record.authentication;
  if (signing !== undefined && signing.scheme !== 'none') {
    context.push(`s3:authType=${AUTH_TYPE[signing.scheme]}`);
    context.push(`s3:signatureversion=${signing.scheme.startsWith('v2') ? 'AWS' : 'AWS4-HMAC-SHA256'}`);
    if (signing.signedAt !== undefined) context.push(`s3:signatureAge=${Math.max(0, Date.parse(record.time) - Date.parse(signing.signedAt))}`);
  }
  for (const [key, value] of Object.entries(record.context ?? {})) context.push(`${key}=${value}`);
  return { principal: record.principal, action: record.action, resource: record.resource, context };
}
