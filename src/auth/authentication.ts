/**
 * What authentication returns: a value, never flags on the request. The authorizer reads the
 * principal and the facts that policies can test (scheme, signature age, session); the handler
 * reads the payload, whose stream verifies the body as it is read.
 */
import type { Readable } from 'node:stream';
import type { SigningCredential } from './credential-store.ts';
import type { Principal } from './principal.ts';

export type AuthScheme = 'v4-header' | 'v4-query' | 'v2-header' | 'v2-query' | 'post-policy';

export type Authentication =
  | { kind: 'anonymous'; principal: Extract<Principal, { type: 'Anonymous' }> }
  | SignedAuthentication;

export interface SignedAuthentication {
  kind: 'signed';
  scheme: AuthScheme;
  principal: Exclude<Principal, { type: 'Anonymous' }>;
  credential: SigningCredential;
  /** `AWS4-HMAC-SHA256` or `AWS` (SigV2), the value of s3:signatureversion. */
  signatureVersion: 'AWS4-HMAC-SHA256' | 'AWS';
  /** When the request says it was signed (X-Amz-Date / Date / Expires-derived), epoch ms. */
  signedAt: number;
  /** SigV4 only: the credential scope's region and service. */
  scope?: { date: string; region: string; service: string };
  /** SigV4 only: the signature and signing key, for chunk signatures that chain from it. */
  seed?: { signature: string; amzDate: string; scopeString: string; signingKey: Buffer; canonicalRequest: string };
}

/** The request body, decoded and verified as it streams. */
export interface RequestPayload {
  /** The object bytes: aws-chunked framing removed; errors if a hash, signature or length fails. */
  readonly body: Readable;
  /** x-amz-content-sha256 as sent (s3:x-amz-content-sha256), if any. */
  readonly contentSha256: string | undefined;
  /** Bytes the body will yield when known in advance (Content-Length or x-amz-decoded-content-length). */
  readonly length: number | undefined;
  /** Trailing headers (aws-chunked trailers), available once `body` has ended. */
  trailers(): ReadonlyMap<string, string>;
}
