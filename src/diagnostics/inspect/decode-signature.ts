/**
 * What a signed request says about itself, read tolerantly: every field that can be read is
 * returned even when others are missing or malformed (the checks say what is wrong). The scheme
 * is detected as `authenticate` detects it (Authorization header, else X-Amz-* query
 * parameters, else SigV2 query parameters).
 */
import { parseAmzDate } from '../../lib/dates.ts';
import { PRESIGN_PARAMS, PRESIGN_TOKEN_PARAM, SIGV4_ALGORITHM } from '../../auth/sigv4/constants.ts';
import { requestTime } from '../../auth/sigv4/request-time.ts';
import { SECURITY_TOKEN, V2_QUERY_PARAMS } from '../../auth/sigv2/constants.ts';
import { v2RequestTime } from '../../auth/sigv2/v2-request-time.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import type { SignatureScheme } from './inspection.ts';

export interface DecodedSignature {
  scheme: SignatureScheme;
  /** Both an Authorization header and presign parameters (AWS: InvalidArgument). */
  bothMechanisms: boolean;
  algorithm?: string;
  accessKeyId?: string;
  /** The credential as sent: `AKID/date/region/service/aws4_request`. */
  credential?: string;
  scope?: { date: string; region: string; service: string; terminator: string };
  /** X-Amz-Date / x-amz-date / Date as sent. */
  dateText?: string;
  signedAt?: number;
  /** X-Amz-Expires as sent. */
  expiresText?: string;
  expiresSeconds?: number;
  /** Presigned V4: signedAt + X-Amz-Expires; V2 query: Expires; epoch ms. */
  expiresAt?: number;
  signedHeaders?: string;
  signature?: string;
  sessionToken?: string;
  /** The six V4 / three V2 query parameters that are absent (when any is present). */
  missingParameters: string[];
}

const V4_NAMES = Object.values(PRESIGN_PARAMS);
const V2_NAMES = Object.values(V2_QUERY_PARAMS);

export function decodeSignature(req: S3Request): DecodedSignature {
  const authorization = req.headers.get('authorization');
  const v4Query = V4_NAMES.some((n) => req.query.has(n));
  const v2Query = V2_NAMES.some((n) => req.query.has(n));
  const bothMechanisms = (authorization !== undefined && (v4Query || v2Query)) || (v4Query && v2Query);
  if (authorization !== undefined) {
    if (authorization.startsWith(SIGV4_ALGORITHM + ' ')) return { ...decodeV4Header(req, authorization), bothMechanisms };
    if (authorization.startsWith('AWS ')) return { ...decodeV2Header(req, authorization), bothMechanisms };
    return { scheme: 'none', bothMechanisms, algorithm: authorization.split(' ')[0], missingParameters: [] };
  }
  if (v4Query) return { ...decodeV4Query(req), bothMechanisms };
  if (v2Query) return { ...decodeV2Query(req), bothMechanisms };
  return { scheme: 'none', bothMechanisms, missingParameters: [] };
}

function decodeV4Query(req: S3Request): Omit<DecodedSignature, 'bothMechanisms'> {
  const q = req.query;
  const credential = q.get(PRESIGN_PARAMS.credential);
  const dateText = q.get(PRESIGN_PARAMS.date);
  const expiresText = q.get(PRESIGN_PARAMS.expires);
  const signedAt = dateText === undefined ? undefined : parseAmzDate(dateText);
  const expiresSeconds = expiresText !== undefined && /^-?\d+$/.test(expiresText) ? Number(expiresText) : undefined;
  return {
    scheme: 'sigv4-query',
    algorithm: q.get(PRESIGN_PARAMS.algorithm),
    ...credentialParts(credential),
    dateText,
    signedAt,
    expiresText,
    expiresSeconds,
    expiresAt: signedAt !== undefined && expiresSeconds !== undefined ? signedAt + expiresSeconds * 1000 : undefined,
    signedHeaders: q.get(PRESIGN_PARAMS.signedHeaders),
    signature: q.get(PRESIGN_PARAMS.signature),
    sessionToken: q.get(PRESIGN_TOKEN_PARAM) ?? req.headers.get('x-amz-security-token'),
    missingParameters: V4_NAMES.filter((n) => !q.has(n)),
  };
}

function decodeV4Header(req: S3Request, authorization: string): Omit<DecodedSignature, 'bothMechanisms'> {
  const params = authorization.slice(SIGV4_ALGORITHM.length + 1);
  const component = (name: string) => new RegExp(`(?:^|,)\\s*${name}=([^,]*)`).exec(params)?.[1]?.trim();
  const time = requestTime(req.headers);
  return {
    scheme: 'sigv4-header',
    algorithm: SIGV4_ALGORITHM,
    ...credentialParts(component('Credential')),
    dateText: req.headers.get('x-amz-date') ?? req.headers.get('date'),
    signedAt: time?.ms,
    signedHeaders: component('SignedHeaders'),
    signature: component('Signature'),
    sessionToken: req.headers.get('x-amz-security-token'),
    missingParameters: ['Credential', 'SignedHeaders', 'Signature'].filter((n) => component(n) === undefined),
  };
}

function decodeV2Query(req: S3Request): Omit<DecodedSignature, 'bothMechanisms'> {
  const q = req.query;
  const expiresText = q.get(V2_QUERY_PARAMS.expires);
  const expiresAt = expiresText !== undefined && /^\d+$/.test(expiresText) ? Number(expiresText) * 1000 : undefined;
  let sessionToken: string | undefined;
  for (const [name, value] of q.all()) if (name.toLowerCase() === SECURITY_TOKEN) sessionToken ??= value;
  return {
    scheme: 'sigv2-query',
    algorithm: 'AWS (SigV2, HMAC-SHA1)',
    accessKeyId: q.get(V2_QUERY_PARAMS.accessKeyId),
    expiresText,
    expiresAt,
    signature: q.get(V2_QUERY_PARAMS.signature),
    sessionToken: sessionToken ?? req.headers.get(SECURITY_TOKEN),
    missingParameters: V2_NAMES.filter((n) => !q.has(n)),
  };
}

function decodeV2Header(req: S3Request, authorization: string): Omit<DecodedSignature, 'bothMechanisms'> {
  const credentials = authorization.slice(4);
  const colon = credentials.indexOf(':');
  const time = v2RequestTime(req.headers);
  return {
    scheme: 'sigv2-header',
    algorithm: 'AWS (SigV2, HMAC-SHA1)',
    accessKeyId: colon === -1 ? credentials : credentials.slice(0, colon),
    dateText: req.headers.get('x-amz-date') ?? req.headers.get('date'),
    signedAt: time?.ms,
    signature: colon === -1 ? undefined : credentials.slice(colon + 1),
    sessionToken: req.headers.get(SECURITY_TOKEN),
    missingParameters: colon === -1 ? ['Signature'] : [],
  };
}

/** `AKID/20240101/us-east-1/s3/aws4_request` → its parts, as far as there are any. */
function credentialParts(credential: string | undefined): Pick<DecodedSignature, 'credential' | 'accessKeyId' | 'scope'> {
  if (credential === undefined) return {};
  const parts = credential.split('/');
  const accessKeyId = parts[0] === '' ? undefined : parts[0];
  if (parts.length < 5) return { credential, accessKeyId };
  // A key id never contains `/`: extra parts belong to a malformed scope, shown as sent.
  return {
    credential,
    accessKeyId,
    scope: { date: parts[1]!, region: parts[2]!, service: parts[3]!, terminator: parts.slice(4).join('/') },
  };
}
