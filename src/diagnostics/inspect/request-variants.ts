/**
 * Plausible versions of a request as it was when it was signed, one change at a time, each with
 * what it would mean. When re-verifying a variant with the same secret succeeds, that change is
 * what happened between signing and sending — a proxy that rewrote the Host, a path encoded twice,
 * a method that differs. The changes are the common causes of SignatureDoesNotMatch (sigv4.md §2).
 */
import { genericCanonicalUri } from '../../auth/sigv4/generic-canonical-uri.ts';
import { normalizeUriPath } from '../../auth/sigv4/normalize-uri-path.ts';
import { SIGNED_SUB_RESOURCES } from '../../auth/sigv2/constants.ts';
import { PRESIGN_PARAMS, PRESIGN_TOKEN_PARAM, UNSIGNED_PAYLOAD } from '../../auth/sigv4/constants.ts';
import { isSignedHeader } from '../../auth/sigv4/is-signed-header.ts';
import { parseAwsS3Host } from '../signing/aws-s3-host.ts';
import type { RequestParts } from './build-request.ts';
import type { DecodedSignature } from './decode-signature.ts';
import type { MismatchCauseId } from './inspection.ts';
import { hostnameOf } from './split-url.ts';

export interface Variant {
  cause: MismatchCauseId;
  parts: RequestParts;
  /** What it means when this variant is the one that was signed. */
  message: string;
}

const METHODS = ['GET', 'PUT', 'HEAD', 'DELETE', 'POST'];

export function requestVariants(parts: RequestParts, d: DecodedSignature, options: { alternativeHosts: readonly string[] }): Variant[] {
  return [...methodVariants(parts), ...hostVariants(parts, options.alternativeHosts), ...pathVariants(parts), ...queryVariants(parts, d), ...headerVariants(parts, d)];
}

function methodVariants(parts: RequestParts): Variant[] {
  return METHODS.filter((m) => m !== parts.method).map((method) => ({
    cause: 'method' as const,
    parts: { ...parts, method },
    message: `The signature is for ${method}, but the request is a ${parts.method}: the method is signed, so a URL presigned for ${method} only works with ${method}.`,
  }));
}

function hostVariants(parts: RequestParts, alternatives: readonly string[]): Variant[] {
  const sent = hostHeader(parts);
  const hostname = hostnameOf(sent);
  const port = /(?:^\[[^\]]*\]|^[^:]*)(:\d+)$/.exec(sent)?.[1] ?? '';
  const bare = sent.slice(0, sent.length - port.length);
  const candidates = new Set<string>([bare, `${bare}:${parts.url.scheme === 'https' ? 443 : 80}`, ...alternatives]);
  for (const alt of awsHostForms(hostname)) {
    candidates.add(alt);
    if (port !== '') candidates.add(alt + port);
  }
  candidates.delete(sent);
  const out: Variant[] = [...candidates].map((host) => ({
    cause: 'host' as const,
    parts: withHost(parts, host, parts.url.rawPath),
    message: `The signature is for the host "${host}", but the request reaches the server with "${sent}": something between client and server (a proxy, load balancer or port mapping) rewrote the Host header, or the URL was signed for another endpoint. Sign for the host the server receives, or have the proxy pass Host through unchanged.`,
  }));
  // Virtual-hosted <-> path style: the bucket moves between the host and the path.
  const aws = parseAwsS3Host(hostname);
  const bucket = aws?.bucket ?? (hostname.endsWith('.localhost') ? hostname.slice(0, -'.localhost'.length) : undefined);
  if (bucket !== undefined) {
    const service = (aws?.serviceHost ?? 'localhost') + port;
    const rawPath = `/${bucket}${parts.url.rawPath}`;
    out.push({ cause: 'host', parts: withHost(parts, service, rawPath), message: `The signature is for the path-style URL (${service}${rawPath}); the request uses virtual-hosted style. Where the bucket goes is signed: use the URL as it was signed.` });
  } else if (aws !== undefined || hostname === 'localhost') {
    const m = /^\/([^/]+)(\/.*)?$/.exec(parts.url.rawPath);
    if (m !== null) {
      const host = `${m[1]}.${sent}`;
      out.push({ cause: 'host', parts: withHost(parts, host, m[2] ?? '/'), message: `The signature is for the virtual-hosted URL (${host}); the request uses path style. Where the bucket goes is signed: use the URL as it was signed.` });
    }
  }
  return out;
}

/** The same AWS endpoint under its other names: global ↔ regional, dash ↔ dot. */
function awsHostForms(hostname: string): string[] {
  const aws = parseAwsS3Host(hostname);
  if (aws === undefined) return [];
  const prefix = aws.bucket === undefined ? '' : aws.bucket + '.';
  const region = aws.region ?? 'us-east-1';
  return [`${prefix}s3.amazonaws.com`, `${prefix}s3.${region}.amazonaws.com`, `${prefix}s3-${region}.amazonaws.com`];
}

function pathVariants(parts: RequestParts): Variant[] {
  const raw = parts.url.rawPath;
  const options: Array<[string, string]> = [
    [genericCanonicalUri(raw, { normalize: false }), 'The signer encoded the (already encoded) path a second time, as generic SigV4 signers do for other AWS services (%20 → %2520). S3 signs the path encoded once: configure the signer for S3 (smithy: uriEscapePath: false; botocore: S3SigV4Auth).'],
    [genericCanonicalUri(raw, { normalize: true }), 'The signer normalised the path (dropped // and ./.. segments) and encoded it a second time, as generic SigV4 signers do. S3 signs the path exactly as sent, encoded once.'],
    [normalizeUriPath(raw), 'The signer normalised the path (dropped // and ./.. segments); S3 signs the path exactly as sent — or the client normalised it after signing.'],
    [raw.replace(/%25([0-9A-Fa-f]{2})/g, '%$1'), 'The path was encoded twice after signing (%25XX on the wire): the signature is for the path encoded once. Pass the key unencoded to the client that builds the URL, or do not re-encode a presigned URL.'],
    [raw.replace(/\+/g, '%20'), 'The signer read the "+" in the path as a space. In an S3 path "+" is signed as %2B: encode a space as %20 and a plus as %2B.'],
    [raw.replace(/%20/g, '+'), 'The signature is for "+" where the request has %20 (a space): one side encoded the key differently.'],
    [raw.replace(/%[0-9a-f]{2}/gi, (e) => (e === e.toUpperCase() ? e.toLowerCase() : e.toUpperCase())), 'The percent-escapes in the path changed case after signing; SigV2 signs the path byte for byte.'],
  ];
  const seen = new Set([raw]);
  const out: Variant[] = [];
  for (const [rawPath, message] of options) {
    if (seen.has(rawPath)) continue;
    seen.add(rawPath);
    out.push({ cause: 'path-encoding', parts: { ...parts, url: { ...parts.url, rawPath } }, message });
  }
  return out;
}

function queryVariants(parts: RequestParts, d: DecodedSignature): Variant[] {
  const pieces = parts.url.rawQuery.split('&').filter((p) => p !== '');
  const auth = new Set<string>([...Object.values(PRESIGN_PARAMS), PRESIGN_TOKEN_PARAM, 'AWSAccessKeyId', 'Expires', 'Signature', 'x-amz-security-token']);
  const nameOf = (p: string) => decodeURIComponentSafe(p.split('=')[0]!);
  const signedByV2 = (name: string) => SIGNED_SUB_RESOURCES.has(name);
  const extra = pieces.filter((p) => !auth.has(nameOf(p)) && (d.scheme.startsWith('sigv4') || signedByV2(nameOf(p))));
  const out: Variant[] = extra.map((piece) => ({
    cause: 'query-changed' as const,
    parts: { ...parts, url: { ...parts.url, rawQuery: pieces.filter((p) => p !== piece).join('&') } },
    message: `The query parameter "${nameOf(piece)}" was added after signing (${d.scheme.startsWith('sigv4') ? 'every query parameter is signed' : 'SigV2 signs this sub-resource'}): send the URL exactly as it was signed.`,
  }));
  if (extra.length > 1) {
    out.push({
      cause: 'query-changed',
      parts: { ...parts, url: { ...parts.url, rawQuery: pieces.filter((p) => !extra.includes(p)).join('&') } },
      message: `The query parameters ${extra.map(nameOf).join(', ')} were added after signing: send the URL exactly as it was signed.`,
    });
  }
  return out;
}

function headerVariants(parts: RequestParts, d: DecodedSignature): Variant[] {
  const out: Variant[] = [];
  const without = (name: string): RequestParts => ({ ...parts, headers: parts.headers.filter(([n]) => n.toLowerCase() !== name) });
  const sent = new Map(parts.headers.map(([n, v]) => [n.toLowerCase(), v]));
  if (d.scheme === 'sigv4-query' && d.signedHeaders !== undefined) {
    const sha = sent.get('x-amz-content-sha256');
    if (sha !== undefined && sha !== UNSIGNED_PAYLOAD && !isSignedHeader(d.signedHeaders, 'x-amz-content-sha256')) {
      out.push({ cause: 'unsigned-header-in-signature', parts: without('x-amz-content-sha256'), message: `The request sends x-amz-content-sha256: ${sha} without signing it. On a presigned URL that value replaces UNSIGNED-PAYLOAD in what is verified: do not send the header, or send UNSIGNED-PAYLOAD.` });
    }
  }
  if (d.scheme.startsWith('sigv2')) {
    for (const name of ['content-type', 'content-md5', ...[...sent.keys()].filter((n) => n.startsWith('x-amz-') && n !== 'x-amz-security-token')]) {
      if (!sent.has(name)) continue;
      out.push({ cause: 'unsigned-header-in-signature', parts: without(name), message: `The request sends ${name}: ${sent.get(name)}, which SigV2 signs, but the URL was signed without it (fetch and browsers add a Content-Type to PUT bodies). Sign with the same ${name}, or do not send it.` });
    }
  }
  return out;
}

function withHost(parts: RequestParts, host: string, rawPath: string): RequestParts {
  return {
    ...parts,
    url: { ...parts.url, authority: host, hostname: hostnameOf(host), rawPath },
    headers: [...parts.headers.filter(([n]) => n.toLowerCase() !== 'host'), ['host', host]],
  };
}

export function hostHeader(parts: RequestParts): string {
  return parts.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? parts.url.authority;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
