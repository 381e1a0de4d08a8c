/**
 * Test support for inspection: URLs and requests signed by coffer's own signers (cross-checked
 * against AWS's in ../signing), spoiled one way at a time, then inspected.
 */
import { objectUrl } from '../../signing/object-url.ts';
import { presignV4 } from '../../signing/presign-v4.ts';
import { signV4Headers } from '../../signing/sign-v4-header.ts';
import { inspectRequest, type InspectOptions } from '../inspect-request.ts';
import type { Inspection } from '../inspection.ts';
import { parseInspectInput } from '../parse-inspect-input.ts';

export const AKID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const SIGNED_AT = Date.UTC(2024, 4, 1, 12, 0, 0);

export interface PresignOptions {
  bucket?: string;
  key?: string;
  method?: string;
  region?: string;
  endpoint?: string;
  pathStyle?: boolean;
  expiresSeconds?: number;
  accessKeyId?: string;
  sessionToken?: string;
  service?: string;
  rawQuery?: string;
  /** Sign this path instead of the one the URL gets. */
  signedPath?: string;
}

export function presigned(o: PresignOptions = {}): string {
  const target = objectUrl({ bucket: o.bucket ?? 'examplebucket', key: o.key ?? 'photos/cat.jpg', region: o.region ?? 'us-east-1', ...(o.endpoint ? { endpoint: o.endpoint } : {}), pathStyle: o.pathStyle ?? false });
  const { url } = presignV4({
    method: o.method ?? 'GET',
    origin: target.origin,
    host: target.host,
    rawPath: o.signedPath ?? target.rawPath,
    ...(o.rawQuery ? { rawQuery: o.rawQuery } : {}),
    credentials: { accessKeyId: o.accessKeyId ?? AKID, secretAccessKey: SECRET, ...(o.sessionToken ? { sessionToken: o.sessionToken } : {}) },
    region: o.region ?? 'us-east-1',
    now: SIGNED_AT,
    expiresSeconds: o.expiresSeconds ?? 3600,
    ...(o.service ? { service: o.service } : {}),
  });
  return o.signedPath === undefined ? url : url.replace(o.signedPath, target.rawPath);
}

/** Inspect `args` (URL, header lines) at SIGNED_AT + `after` ms, with the secret unless told otherwise. */
export function inspect(args: string[], o: { after?: number; secret?: string | false; method?: string; headers?: string[] } & Partial<InspectOptions> = {}): Promise<Inspection> {
  const { after, secret, method, headers, ...options } = o;
  return inspectRequest(parseInspectInput(args, { ...(method ? { method } : {}), headers: headers ?? [] }), {
    now: SIGNED_AT + (after ?? 60_000),
    ...(secret === false ? {} : { secretFor: () => ({ secret: secret ?? SECRET, source: '--secret' }) }),
    ...options,
  });
}

export function replaceParam(url: string, name: string, value: string | undefined): string {
  const [base, query] = url.split('?') as [string, string];
  const pieces = query.split('&').filter((p) => !p.startsWith(name + '='));
  if (value !== undefined) pieces.push(`${name}=${value}`);
  return `${base}?${pieces.join('&')}`;
}

/** A header-signed request as `coffer inspect` arguments: the URL, then `Name: value` lines. */
export function headerSigned(o: { method?: string; url: string; headers?: Record<string, string>; body?: string; accessKeyId?: string; region?: string; at?: number }): string[] {
  const m = /^(https?:\/\/([^/]+))(\/[^?]*)(?:\?(.*))?$/.exec(o.url)!;
  const signed = signV4Headers({
    method: o.method ?? 'GET',
    host: m[2]!,
    rawPath: m[3]!,
    rawQuery: m[4] ?? '',
    headers: o.headers ?? {},
    body: o.body ?? '',
    credentials: { accessKeyId: o.accessKeyId ?? AKID, secretAccessKey: SECRET },
    region: o.region ?? 'us-east-1',
    now: o.at ?? SIGNED_AT,
  });
  return [o.url, ...Object.entries(signed).map(([n, v]) => `${n}: ${v}`)];
}
