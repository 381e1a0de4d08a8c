/**
 * Whether a POST form's signature signs its policy (../shared/spec/sigv2-and-post.md §4.1). The
 * string to sign is the `policy` field exactly as sent (the base64 text, not the JSON):
 * - V4: hex HMAC-SHA256 under the signing key of the credential's date and region, service s3;
 * - V2: base64 HMAC-SHA1 under the secret.
 * Compared in constant time, as text (AWS compares what was sent: upper-case hex fails).
 */
import { timingSafeEqual } from 'node:crypto';
import type { SigningCredential } from '../credential-store.ts';
import { hmacSha256Hex } from '../sigv4/hmac-sha256.ts';
import { signatureMatches } from '../sigv4/signature-matches.ts';

export type PostSignature =
  | { version: 'AWS4-HMAC-SHA256'; scope: { date: string; region: string; service: string } }
  | { version: 'AWS' };

export function postSignatureMatches(credential: SigningCredential, policy: string, provided: string, signature: PostSignature): boolean {
  if (signature.version === 'AWS4-HMAC-SHA256') {
    const { date, region, service } = signature.scope;
    return signatureMatches(provided, hmacSha256Hex(credential.signingKey(date, region, service), policy));
  }
  const expected = Buffer.from(credential.signV2(policy), 'latin1');
  // UTF-8, so that a non-ASCII character can never pass for the byte latin1 would truncate it to.
  const sent = Buffer.from(provided, 'utf8');
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
