import type { AwsManagedPolicy } from './managed-policy.ts';

/**
 * Recalled, not verified: `iam:Get*` and `iam:List*` are certain (v1); the report-generation
 * and simulation actions were added later; the current version id is from memory.
 */
export const IAMReadOnlyAccess: AwsManagedPolicy = {
  name: 'IAMReadOnlyAccess',
  arn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
  path: '/',
  description: 'Provides read only access to IAM via the AWS Management Console.',
  defaultVersionId: 'v4',
  provenance: 'recalled',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:GenerateCredentialReport",
        "iam:GenerateServiceLastAccessedDetails",
        "iam:Get*",
        "iam:List*",
        "iam:SimulateCustomPolicy",
        "iam:SimulatePrincipalPolicy"
      ],
      "Resource": "*"
    }
  ]
}`,
};
