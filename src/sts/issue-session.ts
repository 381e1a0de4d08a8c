/**
 * Issues temporary credentials: an `ASIA…` key id, a 40-character secret and the sealed session
 * token carrying both. The issue time is the clock's, truncated to the second, so that
 * `<Expiration>` (second precision) is exactly issue time + DurationSeconds, as on AWS
 * (sts-iam.md §2.1), and the session ends at that very instant.
 */
import { generateAccessKeyId, generateSecretAccessKey } from '../iam/generate-credentials.ts';
import { isoSeconds } from '../lib/dates.ts';
import type { XmlElement } from '../query-api/query-xml.ts';
import type { SessionClaims } from './session-token/session-claims.ts';
import type { SessionTokenCodec } from './session-token/session-token-codec.ts';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch ms. */
  expiresAt: number;
  claims: SessionClaims;
}

export type SessionRequest = Omit<SessionClaims, 'accessKeyId' | 'secretAccessKey' | 'issuedAt' | 'expiresAt'>;

export function issueSession(codec: SessionTokenCodec, request: SessionRequest, timing: { now: number; durationSeconds: number }): IssuedCredentials {
  const issuedAt = Math.floor(timing.now / 1000) * 1000;
  const claims: SessionClaims = {
    ...request,
    accessKeyId: generateAccessKeyId('ASIA'),
    secretAccessKey: generateSecretAccessKey(),
    issuedAt,
    expiresAt: issuedAt + timing.durationSeconds * 1000,
  };
  return { accessKeyId: claims.accessKeyId, secretAccessKey: claims.secretAccessKey, sessionToken: codec.seal(claims), expiresAt: claims.expiresAt, claims };
}

/** `<Credentials>`: AccessKeyId, SecretAccessKey, SessionToken, Expiration (sts-iam.md §2.2). */
export function credentialsElement(issued: IssuedCredentials): XmlElement {
  return [
    'Credentials',
    [
      ['AccessKeyId', issued.accessKeyId],
      ['SecretAccessKey', issued.secretAccessKey],
      ['SessionToken', issued.sessionToken],
      ['Expiration', isoSeconds(issued.expiresAt)],
    ],
  ];
}
