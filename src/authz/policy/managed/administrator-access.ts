import type { AwsManagedPolicy } from './managed-policy.ts';

/** Unchanged since publication: one version, everything allowed. */
export const AdministratorAccess: AwsManagedPolicy = {
  name: 'AdministratorAccess',
  arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  path: '/',
  description: 'Provides full access to AWS services and resources.',
  defaultVersionId: 'v1',
  provenance: 'certain',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}`,
};
