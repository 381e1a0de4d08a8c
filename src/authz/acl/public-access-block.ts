/**
 * Block Public Access settings (../shared/spec/policy-evaluation.md §8.4). New buckets get all
 * four on (AWS default since April 2023); no configuration means all off. Account and bucket
 * settings combine by OR.
 */
import type { PublicAccessBlock } from '../../storage/types.ts';

export type { PublicAccessBlock };

export const NEW_BUCKET_PUBLIC_ACCESS_BLOCK: Readonly<PublicAccessBlock> = Object.freeze({
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
});

export const NO_PUBLIC_ACCESS_BLOCK: Readonly<PublicAccessBlock> = Object.freeze({
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
});

/** The settings in force: each flag on if the bucket's or the account's configuration sets it. */
export function effectivePublicAccessBlock(configs: {
  bucket: PublicAccessBlock | undefined;
  account?: PublicAccessBlock | undefined;
}): PublicAccessBlock {
  const b = configs.bucket ?? NO_PUBLIC_ACCESS_BLOCK;
  const a = configs.account ?? NO_PUBLIC_ACCESS_BLOCK;
  return {
    blockPublicAcls: b.blockPublicAcls || a.blockPublicAcls,
    ignorePublicAcls: b.ignorePublicAcls || a.ignorePublicAcls,
    blockPublicPolicy: b.blockPublicPolicy || a.blockPublicPolicy,
    restrictPublicBuckets: b.restrictPublicBuckets || a.restrictPublicBuckets,
  };
}
