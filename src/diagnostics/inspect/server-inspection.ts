/**
 * The answer of `POST /.coffer/inspect`: what the server knows about a request a client made or
 * would make. Shared by the server (which builds it) and `coffer inspect --endpoint` (which merges
 * it into its report).
 */
import type { CredentialFailure } from '../../auth/credential-store.ts';
import type { AwsError } from './inspection.ts';

export interface ServerClock {
  now: string;
  /** Milliseconds the server's clock is ahead of (negative: behind) its base clock. */
  offsetMs: number;
  /** `+20m`, `-1h30m`, `0`. */
  offset: string;
}

export interface ServerInspection {
  clock: ServerClock;
  /** The region the request has to be signed for here (the bucket's, else the endpoint's). */
  region: string;
  bucket?: string;
  /** Authenticating the request right now: accepted, or the error the server would send. */
  outcome: { accepted: true; principal: string; scheme: string } | { accepted: false; error: AwsError };
  accessKey?: {
    id: string;
    status: 'active' | 'inactive' | 'unknown';
    temporary: boolean;
    /** Why a known key does not resolve (session token problems). */
    problem?: CredentialFailure['failure'];
    /** Temporary credentials: when they stop working. */
    expiresAt?: string;
  };
  expiry: {
    /** X-Amz-Date + X-Amz-Expires, or V2 Expires. */
    url?: string;
    credential?: string;
    /** The earlier of the two: when the URL stops working (sts-iam.md §3.1). */
    effective?: string;
    decidedBy?: 'url' | 'credential';
    secondsRemaining?: number;
  };
  /**
   * `request`: only what sending the request itself reveals (an inactive key reads `unknown`, as
   * InvalidAccessKeyId does not tell the two apart). `account-root`: the inspect call was signed
   * by an account root, which may see the key's real status and the credential's expiry.
   */
  disclosure: 'request' | 'account-root';
}
