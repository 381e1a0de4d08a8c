/**
 * Object Ownership (../shared/spec/policy-evaluation.md §8.3): BucketOwnerEnforced disables ACLs
 * and makes the bucket owner own every object; BucketOwnerPreferred and ObjectWriter keep ACLs.
 * New buckets get BucketOwnerEnforced (AWS default since April 2023); a bucket without
 * OwnershipControls — deleted, or created before Coffer kept them — behaves as ObjectWriter, as an
 * AWS bucket does after DeleteBucketOwnershipControls.
 */
import type { ObjectOwnership } from '../../storage/types.ts';

export type { ObjectOwnership };

export const OBJECT_OWNERSHIPS: readonly ObjectOwnership[] = ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'];

export const NEW_BUCKET_OWNERSHIP: ObjectOwnership = 'BucketOwnerEnforced';

export function isObjectOwnership(value: string): value is ObjectOwnership {
  return (OBJECT_OWNERSHIPS as readonly string[]).includes(value);
}

export function effectiveOwnership(config: { objectOwnership: ObjectOwnership } | undefined): ObjectOwnership {
  return config?.objectOwnership ?? 'ObjectWriter';
}

/** ACLs are evaluated (and may be set) unless the bucket owner enforces ownership. */
export function aclsEnabled(ownership: ObjectOwnership): boolean {
  return ownership !== 'BucketOwnerEnforced';
}
