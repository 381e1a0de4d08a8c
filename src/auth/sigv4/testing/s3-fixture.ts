/**
 * Test support for S3 authentication tests: AWS's example credentials and date
 * (../shared/spec/sigv4.md §3.4), a credential store with one key of every kind, signing helpers
 * for S3's rules, and an assertion that compares an S3Error field by field.
 */
import assert from 'node:assert/strict';
import { ManualClock } from '../../../lib/clock.ts';
import { S3Error } from '../../../s3/errors/s3-error.ts';
import type { Account } from '../../principal.ts';
import { authenticate, type AuthenticateDeps } from '../../authenticate.ts';
import type { Authentication } from '../../authentication.ts';
import { MemoryCredentialStore } from '../../memory-credential-store.ts';
import { s3CanonicalUri } from '../s3-canonical-uri.ts';
import { EMPTY_SHA256, UNSIGNED_PAYLOAD } from '../constants.ts';
import { makeRequest, type RequestSpec } from './make-request.ts';
import { presign, signHeaders, type SigningParams } from './sign-request.ts';

export const AKID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const SESSION_AKID = 'ASIAIOSFODNN7SESSION';
export const SESSION_SECRET = 'sessionSecretKeyEXAMPLEsessionSecretKey0';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN';
export const EXPIRED_AKID = 'ASIAIOSFODNN7EXPIRED';
export const INACTIVE_AKID = 'AKIAIOSFODNN7INACTIV';
export const HOST = 'examplebucket.s3.amazonaws.com';
/** 2013-05-24T00:00:00Z, the time of every S3 example. */
export const T0 = Date.UTC(2013, 4, 24);
export const AMZ_DATE = '20130524T000000Z';

export const ACCOUNT: Account = {
  accountId: '111122223333',
  canonicalId: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
  displayName: 'example',
  email: 'example@example.com',
};
const ROOT = { type: 'Account' as const, account: ACCOUNT, arn: 'arn:aws:iam::111122223333:root' };

export function fixtureStore(): MemoryCredentialStore {
  return new MemoryCredentialStore([
    { accessKeyId: AKID, secretAccessKey: SECRET, principal: ROOT },
    { accessKeyId: INACTIVE_AKID, secretAccessKey: SECRET, principal: ROOT, status: 'Inactive' },
    {
      accessKeyId: SESSION_AKID,
      secretAccessKey: SESSION_SECRET,
      sessionToken: SESSION_TOKEN,
      malformedToken: 'not-a-token',
      expiresAt: T0 + 3600_000,
      principal: ROOT,
    },
    { accessKeyId: EXPIRED_AKID, secretAccessKey: SESSION_SECRET, sessionToken: SESSION_TOKEN, expiresAt: T0 - 1, principal: ROOT },
  ]);
}

export interface Fixture {
  clock: ManualClock;
  deps: AuthenticateDeps;
  run(spec: RequestSpec, overrides?: Partial<AuthenticateDeps>): Promise<Authentication>;
}

export function fixture(options: { now?: number } = {}): Fixture {
  const clock = new ManualClock(options.now ?? T0);
  const deps: AuthenticateDeps = { credentials: fixtureStore(), clock, region: 'us-east-1', maxSkewMs: 900_000 };
  return { clock, deps, run: (spec, overrides) => authenticate(makeRequest(spec), { ...deps, ...overrides }) };
}

export type S3SigningOptions = Partial<SigningParams>;

function s3Params(o: S3SigningOptions): SigningParams {
  return {
    accessKeyId: AKID,
    secretAccessKey: SECRET,
    region: 'us-east-1',
    service: 's3',
    amzDate: AMZ_DATE,
    canonicalUri: s3CanonicalUri,
    payloadHash: EMPTY_SHA256,
    ...o,
  };
}

/** A header-signed S3 request; `x-amz-content-sha256` is added (and signed) unless given. */
export function signedS3(spec: RequestSpec, o: S3SigningOptions = {}): RequestSpec {
  const headers = Array.isArray(spec.headers) ? [...spec.headers] : Object.entries(spec.headers ?? { Host: HOST });
  const params = s3Params(o);
  if (!headers.some(([n]) => n.toLowerCase() === 'x-amz-content-sha256')) headers.push(['x-amz-content-sha256', params.payloadHash]);
  else params.payloadHash = headers.find(([n]) => n.toLowerCase() === 'x-amz-content-sha256')![1];
  return signHeaders({ ...spec, headers }, params).request;
}

/** A presigned S3 URL (UNSIGNED-PAYLOAD), 1 hour unless said otherwise. */
export function presignedS3(spec: RequestSpec, o: S3SigningOptions & { expiresSeconds?: number } = {}): RequestSpec {
  const headers = spec.headers ?? { Host: HOST };
  return presign({ ...spec, headers }, { ...s3Params({ payloadHash: UNSIGNED_PAYLOAD, ...o }), expiresSeconds: o.expiresSeconds ?? 3600 }).request;
}

/** Replaces (or removes, with undefined) one header of a request spec. */
export function withHeader(spec: RequestSpec, name: string, value: string | undefined): RequestSpec {
  const headers = (Array.isArray(spec.headers) ? spec.headers : Object.entries(spec.headers ?? {})).filter(
    ([n]) => n.toLowerCase() !== name.toLowerCase(),
  );
  return { ...spec, headers: value === undefined ? headers : [...headers, [name, value]] };
}

/** Replaces the value of one query parameter in a request target (raw text, as on the wire). */
export function withParam(spec: RequestSpec, name: string, rawValue: string | undefined): RequestSpec {
  const [path, query = ''] = spec.target.split('?') as [string, string?];
  const pieces = query.split('&').filter((p) => p !== '' && p.split('=')[0] !== name);
  if (rawValue !== undefined) pieces.push(`${name}=${rawValue}`);
  return { ...spec, target: pieces.length === 0 ? path : `${path}?${pieces.join('&')}` };
}

export interface ExpectedError {
  status: number;
  code: string;
  message: string;
  fields?: ReadonlyArray<readonly [string, string]>;
  headers?: Record<string, string>;
}

/** Asserts the promise rejects with exactly this S3 error: status, code, message, fields in order. */
export async function rejectsWith(promise: Promise<unknown>, expected: ExpectedError): Promise<S3Error> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof S3Error, `expected an S3Error, got ${String(e)}`);
    assert.deepEqual(
      { status: e.status, code: e.code, message: e.message, fields: e.fields, headers: e.headers },
      { status: expected.status, code: expected.code, message: expected.message, fields: expected.fields ?? [], headers: expected.headers ?? {} },
    );
    return e;
  }
  assert.fail(`expected ${expected.code}, but authentication succeeded`);
}

/** Asserts authentication succeeded with a signature (and returns it). */
export async function signedOk(promise: Promise<Authentication>): Promise<Extract<Authentication, { kind: 'signed' }>> {
  let auth: Authentication;
  try {
    auth = await promise;
  } catch (e) {
    assert.fail(e instanceof S3Error ? `rejected: ${e.code} ${e.message} ${JSON.stringify(e.fields)}` : String(e));
  }
  assert.equal(auth.kind, 'signed');
  return auth as Extract<Authentication, { kind: 'signed' }>;
}
