/** HeadBucket — HEAD /{bucket}: 200 with the bucket's region (../shared/spec/s3-core.md §2.3). */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const headBucket: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  return emptyResponse(200, {
    'x-amz-bucket-region': bucket.region,
    'x-amz-access-point-alias': 'false',
    'x-amz-bucket-arn': `arn:aws:s3:::${bucket.name}`,
    'content-type': 'application/xml',
  });
};
