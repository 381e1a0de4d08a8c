/**
 * The bucket's stored policy text, or 404 NoSuchBucketPolicy `The bucket policy does not exist`
 * naming the bucket (GetBucketPolicy, GetBucketPolicyStatus).
 */
import { S3Error } from '../../errors/s3-error.ts';
import type { MetadataStore } from '../../../storage/metadata-store.ts';
import type { BucketConfigs } from '../../../storage/types.ts';

export async function findBucketPolicy(metadata: MetadataStore, bucket: string): Promise<BucketConfigs['policy']> {
  const stored = await metadata.getBucketConfig(bucket, 'policy');
  if (stored === undefined) throw new S3Error('NoSuchBucketPolicy', { fields: [['BucketName', bucket]] });
  return stored;
}
