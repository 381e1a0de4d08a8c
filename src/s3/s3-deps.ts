/**
 * What the S3 layer needs from the world, wired once in main.ts. Read-only for handlers.
 */
import type { Logger } from 'pino';
import type { CredentialStore } from '../auth/credential-store.ts';
import type { AccountDirectory } from '../authz/acl/resolve-grantees.ts';
import type { Authorizer } from '../authz/authorizer.ts';
import type { Clock } from '../lib/clock.ts';
import type { Ids } from '../lib/ids.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { MetadataStore } from '../storage/metadata-store.ts';

export interface S3Deps {
  metadata: MetadataStore;
  blobs: BlobStore;
  credentials: CredentialStore;
  /** Accounts by canonical id and e-mail (ACL grantees). */
  accounts: AccountDirectory;
  authorizer: Authorizer;
  clock: Clock;
  ids: Ids;
  /** The region this endpoint serves (new buckets default to it). */
  region: string;
  maxSkewMs: number;
  /** Accept SigV2 (as AWS does for buckets created before June 2020), or refuse it. */
  sigv2: boolean;
  logger: Logger;
}
