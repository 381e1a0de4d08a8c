import type { AwsManagedPolicy } from './managed-policy.ts';

/**
 * Recalled, not verified: `iam:*` is certain (it was all of v1); the read-only Organizations
 * actions were added in a later version whose id and exact list are from memory.
 */
export const IAMFullAccess: AwsManagedPolicy = {
  name: 'IAMFullAccess',
  arn: 'arn:aws:iam::aws:policy/IAMFullAccess',
  path: '/',
  description: 'Provides full access to IAM via the AWS Management Console.',
  defaultVersionId: 'v2',
  provenance: 'recalled',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:*",
        "organizations:DescribeAccount",
        "organizations:DescribeOrganization",
        "organizations:DescribeOrganizationalUnit",
        "organizations:DescribePolicy",
        "organizations:ListChildren",
        "organizations:ListParents",
        "organizations:ListPoliciesForTarget",
        "organizations:ListRoots",
        "organizations:ListPolicies",
        "organizations:ListTargetsForPolicy"
      ],
      "Resource": "*"
    }
  ]
}`,
};
