/**
 * How a request says it was signed — scheme, access key id, signing time, presigned expiry,
 * whether a session token came with it — read from the request itself, so that a request whose
 * authentication failed is still recorded with who it claimed to be. Reads only what is not
 * secret: the signature, the token and the rest of the Authorization header are never kept.
 */
import type { Authentication, SignedAuthentication } from '../../auth/authentication.ts';
import { isoSeconds, parseAmzDate } from '../../lib/dates.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import type { AuditRecord } from './audit-record.ts';

export interface RequestSigning {
  authentication: NonNullable<AuditRecord['authentication']>;
  accessKeyId?: string;
  /** A session token was sent (header or query). */
  tokenSent: boolean;
}

const V4_CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\//;

export function readRequestSigning(req: S3Request, auth: Authentication | undefined): RequestSigning {
  if (auth?.kind === 'signed') return fromAuthentication(req, auth);
  const q = req.query;
  const tokenSent = q.has('X-Amz-Security-Token') || req.headers.has('x-amz-security-token');
  const authorization = req.headers.get('authorization') ?? '';
  let found: RequestSigning;
  if (authorization.startsWith('AWS4-HMAC-SHA256 ')) {
    const m = V4_CREDENTIAL.exec(authorization);
    found = {
      authentication: { scheme: 'v4-header', ...signedAt(headerTime(req)), ...(m ? { scope: `${m[2]}/${m[3]}/${m[4]}` } : {}) },
      ...(m ? { accessKeyId: m[1]! } : {}),
      tokenSent,
    };
  } else if (authorization.startsWith('AWS ')) {
    const colon = authorization.lastIndexOf(':');
    found = {
      authentication: { scheme: 'v2-header', ...signedAt(headerTime(req)) },
      ...(colon > 4 ? { accessKeyId: authorization.slice(4, colon).trim() } : {}),
      tokenSent,
    };
  } else if (q.has('X-Amz-Credential') || q.has('X-Amz-Algorithm') || q.has('X-Amz-Signature')) {
    const parts = (q.get('X-Amz-Credential') ?? '').split('/');
    const at = parseAmzDate(q.get('X-Amz-Date') ?? '');
    const expires = Number(q.get('X-Amz-Expires'));
    const known = /^\d+$/.test(q.get('X-Amz-Expires') ?? '');
    found = {
      authentication: {
        scheme: 'v4-query',
        ...signedAt(at),
        ...(known ? { expiresSeconds: expires } : {}),
        ...(known && at !== undefined ? { expiresAt: isoSeconds(at + expires * 1000) } : {}),
        ...(parts.length >= 4 ? { scope: parts.slice(1, 4).join('/') } : {}),
      },
      ...(parts[0] ? { accessKeyId: parts[0] } : {}),
      tokenSent,
    };
  } else if (q.has('AWSAccessKeyId') || q.has('Signature')) {
    const expires = q.get('Expires') ?? '';
    found = {
      authentication: { scheme: 'v2-query', ...(/^\d+$/.test(expires) ? { expiresAt: isoSeconds(Number(expires) * 1000) } : {}) },
      ...(q.get('AWSAccessKeyId') ? { accessKeyId: q.get('AWSAccessKeyId')! } : {}),
      tokenSent,
    };
  } else {
    found = { authentication: { scheme: 'none' }, tokenSent };
  }
  return found;
}

/** What authentication established beats what the request claims; only a URL's expiry is read from it. */
function fromAuthentication(req: S3Request, auth: SignedAuthentication): RequestSigning {
  const authentication: RequestSigning['authentication'] = { scheme: auth.scheme, signedAt: new Date(auth.signedAt).toISOString() };
  if (auth.scheme === 'v4-query') {
    const expires = req.query.get('X-Amz-Expires') ?? '';
    if (/^\d+$/.test(expires)) {
      authentication.expiresSeconds = Number(expires);
      authentication.expiresAt = isoSeconds(auth.signedAt + Number(expires) * 1000);
    }
  } else if (auth.scheme === 'v2-query') {
    const expires = req.query.get('Expires') ?? '';
    if (/^\d+$/.test(expires)) authentication.expiresAt = isoSeconds(Number(expires) * 1000);
  }
  if (auth.scope) authentication.scope = `${auth.scope.date}/${auth.scope.region}/${auth.scope.service}`;
  const c = auth.credential;
  return { authentication, accessKeyId: c.accessKeyId, tokenSent: c.sessionToken !== undefined || c.expiresAt !== undefined };
}

function headerTime(req: S3Request): number | undefined {
  const amz = req.headers.get('x-amz-date');
  if (amz !== undefined) return parseAmzDate(amz) ?? httpTime(amz);
  const date = req.headers.get('date');
  return date === undefined ? undefined : httpTime(date);
}

function httpTime(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function signedAt(ms: number | undefined): { signedAt?: string } {
  return ms === undefined ? {} : { signedAt: new Date(ms).toISOString() };
}
