import type { AwsManagedPolicy } from './managed-policy.ts';

/** sts-iam.md §6: default version v3 (2023-08-10, added `s3:Describe*`). Verbatim. */
export const AmazonS3ReadOnlyAccess: AwsManagedPolicy = {
  name: 'AmazonS3ReadOnlyAccess',
  arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  path: '/',
  description: 'Provides read only access to all buckets via the AWS Management Console.',
  defaultVersionId: 'v3',
  provenance: 'spec',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:Get*",
        "s3:List*",
        "s3:Describe*",
        "s3-object-lambda:Get*",
        "s3-object-lambda:List*"
      ],
      "Resource": "*"
    }
  ]
}`,
};
