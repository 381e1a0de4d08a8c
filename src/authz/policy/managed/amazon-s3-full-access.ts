import type { AwsManagedPolicy } from './managed-policy.ts';

/** sts-iam.md §6: default version v2 (2021-09-27, added `s3-object-lambda:*`). Verbatim. */
export const AmazonS3FullAccess: AwsManagedPolicy = {
  name: 'AmazonS3FullAccess',
  arn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
  path: '/',
  description: 'Provides full access to all buckets via the AWS Management Console.',
  defaultVersionId: 'v2',
  provenance: 'spec',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:*",
        "s3-object-lambda:*"
      ],
      "Resource": "*"
    }
  ]
}`,
};
