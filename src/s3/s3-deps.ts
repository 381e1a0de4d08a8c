/**
 * What the S3 layer needs from the world, wired once in main.ts. Read-only for handlers.
 */
import type { Logger } from 'pino';
import type { CredentialStore } from '../auth/credential-store.ts';
import type { AccountDirectory } from '../authz/acl/resolve-grantees.ts';
import type { Authorizer } from '../authz/authorizer.ts';
import type { IamReader } from '../iam/iam-store.ts';
import type { Clock } from '../lib/clock.ts';
import type { Ids } from '../lib/ids.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { MetadataStore } from '../storage/metadata-store.ts';
import type { PublicAccessBlock } from '../storage/types.ts';

/**
 * Settings an account holds for all its buckets, as the S3 layer reads them (the identity store
 * implements it). Read afresh on every call: `coffer admin public-access-block` changes them
 * from another process.
 */
export interface AccountSettings {
  /** The account's Block Public Access settings (policy-evaluation.md §8.4); undefined when it has none (all off). */
  getAccountPublicAccessBlock(accountId: string): Promise<PublicAccessBlock | undefined>;
}

export interface S3Deps {
  metadata: MetadataStore;
  blobs: BlobStore;
  credentials: CredentialStore;
  /** Accounts by canonical id and e-mail (ACL grantees). */
  accounts: AccountDirectory;
  authorizer: Authorizer;
  /** IAM users and roles, to resolve the principals a bucket policy names (PutBucketPolicy). */
  iam?: IamReader;
  /** Per-account settings: account-level Block Public Access (combine with the bucket's via effectivePublicAccessBlock). */
  accountSettings?: AccountSettings;
  clock: Clock;
  ids: Ids;
  /** The region this endpoint serves (new buckets default to it). */
  region: string;
  maxSkewMs: number;
  /** Accept SigV2 (as AWS does for buckets created before June 2020), or refuse it. */
  sigv2: boolean;
  logger: Logger;
  /** `--explain-denials` (test environments only): AccessDenied responses carry `x-coffer-denial-reason`. */
  explainDenials?: boolean;
  /**
   * In a cluster's worker: tells the other workers that the clock moved (`coffer admin clock`),
   * resolving once they all have, so that the next request sees it whichever process serves it.
   */
  shareClockOffset?: (offsetMs: number) => Promise<void>;
}
