/**
 * Runs the server's own `authenticate` on an inspected request, so that offline inspection and
 * the server agree by construction on which check fails first and with which error (errors.md
 * §9.1) — no second implementation of the precedence to drift from the first.
 */
import { authenticate } from '../../auth/authenticate.ts';
import type { Authentication } from '../../auth/authentication.ts';
import type { CredentialStore } from '../../auth/credential-store.ts';
import type { S3Error } from '../../s3/errors/s3-error.ts';
import { toS3Error } from '../../s3/errors/to-s3-error.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import type { AwsError } from './inspection.ts';
import { SecretUnknown } from './offline-credential-store.ts';

export type AuthRun =
  | { kind: 'accepted'; auth: Authentication }
  | { kind: 'refused'; error: S3Error }
  /** Every check up to the signature passed; the store had no secret to check it with. */
  | { kind: 'secret-needed' };

export interface AuthRunOptions {
  credentials: CredentialStore;
  now: number;
  /** The region credential scopes must name. */
  region: string;
  maxSkewMs: number;
  /** False: answer SigV2 as a V4-only region does. */
  sigv2: boolean;
}

export async function runAuthenticate(req: S3Request, options: AuthRunOptions): Promise<AuthRun> {
  try {
    const auth = await authenticate(req, {
      credentials: options.credentials,
      clock: { now: () => options.now },
      region: options.region,
      maxSkewMs: options.maxSkewMs,
      sigv2: options.sigv2,
      expectedService: 's3',
    });
    return { kind: 'accepted', auth };
  } catch (thrown) {
    if (thrown instanceof SecretUnknown) return { kind: 'secret-needed' };
    return { kind: 'refused', error: toS3Error(thrown) };
  }
}

/** An S3Error as the data an error document carries. */
export function toAwsError(error: S3Error): AwsError {
  return { status: error.status, code: error.code, message: error.message, fields: Object.fromEntries(error.fields) };
}
