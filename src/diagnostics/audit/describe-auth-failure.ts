/**
 * Why authentication failed, in plain words, from what the audit record keeps: the error's code,
 * message and safe elements, its internal reason, and how the request was signed. Written into
 * the record's `reason` when the request is recorded, so `coffer explain` prints the same words.
 */
import { describeDuration } from '../../lib/format-duration.ts';
import type { AuditRecord } from './audit-record.ts';

type Failure = NonNullable<AuditRecord['error']>;
type Signing = AuditRecord['authentication'];

const KEY_FAILURES: Record<string, string> = {
  'unknown-key': 'does not exist on this server',
  'inactive-key': 'is inactive (deactivated)',
  'principal-deleted': 'belongs to a user, role or account that has been deleted',
  'token-missing': 'is a temporary (session) key, and no session token was sent with it',
  'token-mismatch': "is a temporary (session) key, and the session token sent belongs to another session",
};

export function describeAuthFailure(error: Failure, signing: Signing, accessKeyId: string | undefined, time: string): string {
  const f = error.fields ?? {};
  const serverTime = f.ServerTime ?? time;
  const key = accessKeyId ?? f.AWSAccessKeyId;
  if (error.code === 'AccessDenied' && error.message === 'Request has expired') {
    const expiresAt = f.Expires ?? signing?.expiresAt;
    const late = expiresAt !== undefined ? lateness(expiresAt, serverTime) : '';
    const how =
      signing?.scheme === 'v2-query'
        ? '(its Expires parameter)'
        : `(X-Amz-Date ${signing?.signedAt ?? '?'} + X-Amz-Expires ${f['X-Amz-Expires'] ?? signing?.expiresSeconds ?? '?'} s)`;
    return `the presigned URL expired at ${expiresAt ?? '?'} ${how}; the server clock read ${serverTime}${late}`;
  }
  if (error.code === 'AccessDenied' && error.message === 'Request is not yet valid') {
    return `the presigned URL is dated ${signing?.signedAt ?? '?'}, in the future by more than the allowed clock skew: the server clock read ${serverTime} (a client clock running ahead, or a server clock behind)`;
  }
  switch (error.code) {
    case 'RequestTimeTooSkewed': {
      const at = signing?.signedAt ?? f.RequestTime;
      const skew = at !== undefined ? Date.parse(at) - Date.parse(serverTime) : NaN;
      const side = Number.isNaN(skew) ? '' : `, ${describeDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} it`;
      return `the request was signed at ${at ?? '?'} and the server clock read ${serverTime}${side}; at most ${describeDuration(Number(f.MaxAllowedSkewMilliseconds ?? 0))} either way is allowed (--max-skew)`;
    }
    case 'SignatureDoesNotMatch':
      return `the signature is not the one the secret of ${key ?? 'the access key'} gives for this request: a wrong secret, or the request changed after it was signed (host, path, query, a signed header)${error.reason ? ` — ${error.reason}` : ''}; \`coffer inspect\` with --secret finds which`;
    case 'InvalidAccessKeyId': {
      const failure = /credential lookup failed: ([a-z-]+)/.exec(error.reason ?? '')?.[1];
      return `the access key ${key ?? '?'} ${KEY_FAILURES[failure ?? ''] ?? 'is not known to this server'}`;
    }
    case 'ExpiredToken':
      return `the session token sent with ${key ?? 'the access key'} has expired: the temporary credentials' session ended before ${serverTime} (the server clock)`;
    case 'InvalidToken':
      return `the session token sent with ${key ?? 'the access key'} is not valid: ${error.reason ?? error.message}`;
  }
  if (f.HeadersNotSigned !== undefined) return `these headers were sent but not signed: ${f.HeadersNotSigned}`;
  return `${error.code}: ${error.message}${error.reason ? ` (${error.reason})` : ''}`;
}

function lateness(expiresAt: string, serverTime: string): string {
  const ms = Date.parse(serverTime) - Date.parse(expiresAt);
  if (Number.isNaN(ms) || ms < 0) return '';
  return ms < 1000 ? ', as it expired' : `, ${describeDuration(ms)} later`;
}
