/**
 * AWS's published POST examples (../shared/spec/sigv2-and-post.md §4.4) and helpers to sign
 * policies of our own, for the post-policy tests.
 */
import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { MemoryCredentialStore } from '../../memory-credential-store.ts';
import type { Account } from '../../principal.ts';
import { accountRoot } from '../../principal.ts';
import { ManualClock } from '../../../lib/clock.ts';
import { deriveSigningKey } from '../../sigv4/derive-signing-key.ts';
import type { AuthenticateDeps } from '../../authenticate.ts';
import type { PostForm } from '../../../s3/post/post-form.ts';
import { QueryParams, RequestHeaders, type S3Request } from '../../../s3/s3-request.ts';

export const AKID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export const ACCOUNT: Account = {
  accountId: '111122223333',
  canonicalId: 'a'.repeat(64),
  displayName: 'example',
  email: 'example@example.com',
};

/** sigv4-post-example: the policy (CRLF line endings) as AWS publishes it, and its signature. */
export const V4_EXAMPLE = {
  bucket: 'sigv4examplebucket',
  policy:
    'eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9',
  signature: '8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e',
  /** The form of the example page, in its order, without the file. */
  fields: [
    ['key', 'user/user1/${filename}'],
    ['acl', 'public-read'],
    ['success_action_redirect', 'http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html'],
    ['Content-Type', 'image/jpeg'],
    ['x-amz-meta-uuid', '14365123651274'],
    ['x-amz-server-side-encryption', 'AES256'],
    ['X-Amz-Credential', 'AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request'],
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Date', '20151229T000000Z'],
    ['x-amz-meta-tag', ''],
  ] as Array<[string, string]>,
  now: Date.UTC(2015, 11, 29, 12),
};

/** The policy of AWS's V2 POST example (LF line endings), which signs to gp42… with the example secret. */
export const V2_EXAMPLE = {
  bucket: 'johnsmith',
  policy:
    'eyAiZXhwaXJhdGlvbiI6ICIyMDA3LTEyLTAxVDEyOjAwOjAwLjAwMFoiLAogICJjb25kaXRpb25zIjogWwogICAgeyJidWNrZXQiOiAiam9obnNtaXRoIn0sCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci9lcmljLyJdLAogICAgeyJhY2wiOiAicHVibGljLXJlYWQifSwKICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL2pvaG5zbWl0aC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwKICAgIFsic3RhcnRzLXdpdGgiLCAiJENvbnRlbnQtVHlwZSIsICJpbWFnZS8iXSwKICAgIHsieC1hbXotbWV0YS11dWlkIjogIjE0MzY1MTIzNjUxMjc0In0sCiAgICBbInN0YXJ0cy13aXRoIiwgIiR4LWFtei1tZXRhLXRhZyIsICIiXQogIF0KfQo=',
  signature: 'gp42sMsv4L5xLO0OjT+56V64o+A=',
  fields: [
    ['key', 'user/eric/${filename}'],
    ['acl', 'public-read'],
    ['success_action_redirect', 'http://johnsmith.s3.amazonaws.com/successful_upload.html'],
    ['Content-Type', 'image/jpeg'],
    ['x-amz-meta-uuid', '14365123651274'],
    ['x-amz-meta-tag', ''],
    ['AWSAccessKeyId', AKID],
  ] as Array<[string, string]>,
  now: Date.UTC(2007, 10, 30),
};

export function makeForm(fields: ReadonlyArray<readonly [string, string]>, file: { data?: string; filename?: string } = {}): PostForm {
  const values = new Map<string, string>();
  const names = new Map<string, string>();
  for (const [name, value] of fields) {
    if (values.has(name.toLowerCase())) continue;
    values.set(name.toLowerCase(), value);
    names.set(name.toLowerCase(), name);
  }
  return {
    fields: values,
    names,
    file: { filename: file.filename ?? 'photo.jpg', contentType: undefined, stream: Readable.from([Buffer.from(file.data ?? 'image bytes')]) },
  };
}

export function makeRequest(bucket: string): S3Request {
  return {
    id: 'REQ',
    hostId: 'HOST',
    method: 'POST',
    rawPath: `/${bucket}`,
    rawQuery: '',
    query: new QueryParams([]),
    headers: RequestHeaders.fromObject({ host: 'localhost', 'content-type': 'multipart/form-data; boundary=x' }),
    hostname: 'localhost',
    bucket,
    key: undefined,
    addressing: 'path',
    remoteAddress: '127.0.0.1',
    secure: false,
    tlsVersion: undefined,
    body: Readable.from([]),
    receivedAt: 0,
  };
}

export function makeDeps(now: number, options: { region?: string; sigv2?: boolean; store?: MemoryCredentialStore } = {}): AuthenticateDeps {
  const store = options.store ?? new MemoryCredentialStore([{ accessKeyId: AKID, secretAccessKey: SECRET, principal: accountRoot(ACCOUNT) }]);
  return {
    credentials: store,
    clock: new ManualClock(now),
    region: options.region ?? 'us-east-1',
    maxSkewMs: 900_000,
    ...(options.sigv2 === undefined ? {} : { sigv2: options.sigv2 }),
  };
}

export function encodePolicy(document: unknown): string {
  return Buffer.from(typeof document === 'string' ? document : JSON.stringify(document), 'utf8').toString('base64');
}

export function signV4(policy: string, options: { secret?: string; date: string; region?: string }): string {
  const key = deriveSigningKey(options.secret ?? SECRET, options.date, options.region ?? 'us-east-1', 's3');
  return createHmac('sha256', key).update(policy, 'utf8').digest('hex');
}

export function signV2(policy: string, secret = SECRET): string {
  return createHmac('sha1', secret).update(policy, 'utf8').digest('base64');
}

/**
 * A complete V4 form for `bucket` signed now (20240115): the policy's conditions cover the
 * signing fields and bucket, plus `conditions`; `fields` come first in the form.
 */
export function signedV4Form(options: {
  bucket?: string;
  fields?: Array<[string, string]>;
  conditions?: unknown[];
  expiration?: string;
  sessionToken?: string;
  secret?: string;
  accessKeyId?: string;
  file?: { data?: string; filename?: string };
}): { form: PostForm; policy: string } {
  const credential = `${options.accessKeyId ?? AKID}/20240115/us-east-1/s3/aws4_request`;
  const signing: Array<[string, string]> = [
    ['x-amz-algorithm', 'AWS4-HMAC-SHA256'],
    ['x-amz-credential', credential],
    ['x-amz-date', '20240115T120000Z'],
    ...(options.sessionToken === undefined ? [] : [['x-amz-security-token', options.sessionToken] as [string, string]]),
  ];
  const conditions = options.conditions ?? [{ bucket: options.bucket ?? 'bucket' }, ['starts-with', '$key', ''], ...signing.map(([k, v]) => ({ [k]: v }))];
  const policy = encodePolicy({ expiration: options.expiration ?? '2024-01-16T00:00:00Z', conditions });
  const signature = signV4(policy, { secret: options.secret, date: '20240115' });
  const fields: Array<[string, string]> = [...(options.fields ?? [['key', 'k']]), ...signing, ['policy', policy], ['x-amz-signature', signature]];
  return { form: makeForm(fields, options.file), policy };
}

export const NOW_2024 = Date.UTC(2024, 0, 15, 12, 5);
