/**
 * A bucket's ACL-related settings as they are in force: Object Ownership (none stored →
 * ObjectWriter) and Block Public Access (none stored → all off; Coffer has no account-level
 * setting yet). Two point reads; every object write makes them.
 */
import { effectiveOwnership, type ObjectOwnership } from '../../../authz/acl/object-ownership.ts';
import { effectivePublicAccessBlock } from '../../../authz/acl/public-access-block.ts';
import type { MetadataStore } from '../../../storage/metadata-store.ts';
import type { PublicAccessBlock } from '../../../storage/types.ts';

export interface BucketAclSettings {
  ownership: ObjectOwnership;
  publicAccessBlock: PublicAccessBlock;
}

export async function bucketAclSettings(metadata: MetadataStore, bucket: string): Promise<BucketAclSettings> {
  const [ownership, publicAccessBlock] = await Promise.all([
    metadata.getBucketConfig(bucket, 'ownership'),
    metadata.getBucketConfig(bucket, 'public-access-block'),
  ]);
  return {
    ownership: effectiveOwnership(ownership),
    publicAccessBlock: effectivePublicAccessBlock({ bucket: publicAccessBlock }),
  };
}
