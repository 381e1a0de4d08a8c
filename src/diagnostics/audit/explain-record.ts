/**
 * What `coffer explain` says about an audit record, as data the CLI (or a console) renders:
 * a verdict line, who/what/when/how, the reason in plain words, and the evidence. Everything
 * here is read from the record; nothing is recomputed, so it says what the server decided.
 */
import type { AuditRecord } from './audit-record.ts';
import { describeTrace, type TraceLine } from './describe-trace.ts';

export type VerdictTone = 'allowed' | 'denied' | 'failed' | 'neutral';

export interface Explanation {
  verdict: { tone: VerdictTone; text: string };
  /** [label, value] rows: request id, when, who, from, signed, what, answer. */
  facts: Array<[label: string, value: string]>;
  /** The reason in plain words (the record's). */
  reason: string | undefined;
  trace: TraceLine[];
}

const SCHEMES: Record<NonNullable<AuditRecord['authentication']>['scheme'], string> = {
  'v4-header': 'Authorization header, Signature Version 4',
  'v4-query': 'presigned URL, Signature Version 4',
  'v2-header': 'Authorization header, Signature Version 2',
  'v2-query': 'presigned URL, Signature Version 2',
  'post-policy': 'POST form with a policy document',
  none: 'not signed (anonymous)',
};

export function explainRecord(r: AuditRecord): Explanation {
  const facts: Explanation['facts'] = [];
  facts.push(['request id', r.queryRequestId === undefined ? r.requestId : `${r.requestId} (x-amzn-RequestId ${r.queryRequestId})`]);
  facts.push(['when', `${r.time} (server clock)`]);
  if (r.operation !== undefined || r.method !== undefined) {
    facts.push(['operation', [r.operation, r.method && r.path ? `${r.method} ${r.path}` : r.method].filter(Boolean).join('  ')]);
  }
  facts.push(['who', who(r)]);
  if (r.accessKeyId !== undefined) facts.push(['access key', `${r.accessKeyId}${r.temporaryCredentials ? ' (temporary credentials, with a session token)' : ''}`]);
  if (r.sourceIp !== undefined) {
    const transport = r.secureTransport === undefined ? '' : r.secureTransport ? ' over HTTPS' : ' over HTTP';
    facts.push(['from', `${r.sourceIp}${transport}${r.userAgent ? `, ${r.userAgent}` : ''}`]);
  }
  facts.push(['signed', signed(r)]);
  if (r.action !== undefined || r.resource !== undefined) {
    facts.push(['what', r.action !== undefined ? `${r.action}${r.resource && r.resource !== '*' ? ` on ${r.resource}` : ''}` : (r.resource ?? '')]);
  }
  facts.push(['answer', answer(r)]);
  if (r.keys !== undefined) facts.push(['keys', keysSummary(r.keys)]);
  if (r.message !== undefined && r.message !== r.error?.message) facts.push(['message', r.message]);
  if (r.deniedBy !== undefined) facts.push(['denied by', deniedByWords(r.deniedBy, r.decision)]);
  if (r.decision === 'not-authorized-because-authentication-failed' && r.error?.reason !== undefined) facts.push(['internal', r.error.reason]);
  return { verdict: verdictOf(r), facts, reason: r.reason ?? notEvaluatedReason(r), trace: [...describeTrace(r), ...deniedKeyLines(r.keys)] };
}

/** DeleteObjects: `3 authorized one by one, 1 refused (answered as <Error> entries in the 200 DeleteResult)`. */
function keysSummary(k: NonNullable<AuditRecord['keys']>): string {
  const refused = k.denied.length + (k.moreDenied ?? 0);
  if (refused === 0) return `${k.checked} authorized one by one, all allowed`;
  return `${k.checked} authorized one by one, ${refused} refused (AccessDenied entries in the DeleteResult; the decision above is the first)`;
}

function deniedKeyLines(k: AuditRecord['keys']): TraceLine[] {
  if (k === undefined) return [];
  const lines: TraceLine[] = k.denied.map((d) => ({ tone: 'deny', depth: 0, text: `key ${JSON.stringify(d.key)} refused: ${d.reason}` }));
  if (k.moreDenied) lines.push({ tone: 'note', depth: 0, text: `note: ${k.moreDenied} more keys refused (not listed)` });
  return lines;
}

/** AWS's own words for it (errors.md §8): "with an explicit deny in a …" / "because no … allows". */
export function deniedByWords(type: string, decision: string): string {
  return decision === 'explicit-deny' ? `an explicit deny in a ${type} policy` : `no ${type} policy allows it`;
}

function verdictOf(r: AuditRecord): Explanation['verdict'] {
  if (r.keys !== undefined && r.error === undefined && r.keys.denied.length > 0) {
    const refused = r.keys.denied.length + (r.keys.moreDenied ?? 0);
    return { tone: 'denied', text: `Partly denied: ${refused} of ${r.keys.checked} keys refused` };
  }
  switch (r.decision) {
    case 'allow':
      return r.error === undefined
        ? { tone: 'allowed', text: 'Allowed' }
        : { tone: 'neutral', text: `Allowed, then answered ${r.error.code}` };
    case 'explicit-deny':
      return { tone: 'denied', text: 'Denied: an explicit Deny matched' };
    case 'implicit-deny':
      return { tone: 'denied', text: 'Denied: nothing allowed it (implicit deny)' };
    case 'not-authorized-because-authentication-failed':
      return { tone: 'failed', text: `Refused before authorization: authentication failed (${r.error?.code ?? 'error'})` };
    case 'not-evaluated':
      return r.error === undefined
        ? { tone: 'neutral', text: 'Answered without an S3 authorization decision' }
        : { tone: 'neutral', text: `Answered ${r.error.code} before any authorization decision` };
  }
}

function who(r: AuditRecord): string {
  if (r.principal === 'anonymous') return 'anonymous';
  if (r.principal === 'unauthenticated') return `nobody yet: authentication failed before the access key${r.accessKeyId ? ` ${r.accessKeyId}` : ''} was accepted`;
  const kind = { Account: 'the root user of account', User: 'IAM user of account', AssumedRole: 'role session of account', Anonymous: '' }[r.principalType ?? 'Anonymous'];
  return `${r.principal}${kind && r.accountId ? ` (${kind} ${r.accountId})` : ''}`;
}

function signed(r: AuditRecord): string {
  const a = r.authentication;
  if (a === undefined) return SCHEMES.none;
  const parts = [SCHEMES[a.scheme]];
  if (a.signedAt !== undefined) parts.push(`signed at ${a.signedAt}`);
  if (a.expiresSeconds !== undefined) parts.push(`X-Amz-Expires ${a.expiresSeconds} s`);
  if (a.expiresAt !== undefined) parts.push(`expires ${a.expiresAt}`);
  if (a.scope !== undefined) parts.push(`scope ${a.scope}`);
  return parts.join(', ');
}

function answer(r: AuditRecord): string {
  if (r.error === undefined) return String(r.status);
  return `${r.error.status} ${r.error.code}: ${r.error.message}`;
}

function notEvaluatedReason(r: AuditRecord): string | undefined {
  if (r.decision !== 'not-evaluated' || r.error === undefined) return undefined;
  return `${r.error.code}: ${r.error.message}${r.error.reason ? ` (${r.error.reason})` : ''}`;
}
