/**
 * The AWS managed policies Coffer ships, under `arn:aws:iam::aws:policy/…`, with their version
 * history. The S3 documents are verbatim from ../shared/spec/sts-iam.md §6; the IAM and
 * AdministratorAccess ones are AWS's current documents as recalled [from memory — verify].
 * Synced into the identity database at every open (seed-aws-managed-policies.ts), so a new
 * policy or version here reaches existing data directories without a migration.
 */

export interface AwsManagedPolicyVersion {
  versionId: string;
  document: string;
  createdAt: string;
}

export interface AwsManagedPolicy {
  policyName: string;
  policyId: string;
  path: string;
  description: string;
  createdAt: string;
  /** Oldest first; the last is the default version. */
  versions: readonly AwsManagedPolicyVersion[];
}

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
const allow = (action: string | string[]) => doc({ Effect: 'Allow', Action: action, Resource: '*' });
const compact = (action: string | string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  {
    policyName: 'AmazonS3FullAccess',
    policyId: 'ANPAIFIR6V6BVTRAHWINE',
    path: '/',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    createdAt: '2015-02-06T18:40:58Z',
    versions: [
      { versionId: 'v1', createdAt: '2015-02-06T18:40:58Z', document: compact('s3:*') },
      { versionId: 'v2', createdAt: '2021-09-27T20:16:37Z', document: allow(['s3:*', 's3-object-lambda:*']) },
    ],
  },
  {
    policyName: 'AmazonS3ReadOnlyAccess',
    policyId: 'ANPAIZTJ4DXE7G6AGAE6M',
    path: '/',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    createdAt: '2015-02-06T18:40:59Z',
    versions: [
      { versionId: 'v1', createdAt: '2015-02-06T18:40:59Z', document: compact(['s3:Get*', 's3:List*']) },
      {
        versionId: 'v2',
        createdAt: '2021-09-27T20:16:37Z',
        document: allow(['s3:Get*', 's3:List*', 's3-object-lambda:Get*', 's3-object-lambda:List*']),
      },
      {
        versionId: 'v3',
        createdAt: '2023-08-10T21:31:39Z',
        document: allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']),
      },
    ],
  },
  {
    policyName: 'AdministratorAccess',
    policyId: 'ANPAIWMBCKSKIEE64ZLYK',
    path: '/',
    description: 'Provides full access to AWS services and resources.',
    createdAt: '2015-02-06T18:39:46Z',
    versions: [{ versionId: 'v1', createdAt: '2015-02-06T18:39:46Z', document: allow('*') }],
  },
  {
    policyName: 'IAMFullAccess',
    policyId: 'ANPAI7XKCFMBPM3QQRRVQ',
    path: '/',
    description: 'Provides full access to IAM via the AWS Management Console.',
    createdAt: '2015-02-06T18:40:38Z',
    versions: [
      { versionId: 'v1', createdAt: '2015-02-06T18:40:38Z', document: compact('iam:*') },
      {
        versionId: 'v2',
        createdAt: '2019-06-21T19:40:00Z',
        document: allow([
          'iam:*',
          'organizations:DescribeAccount',
          'organizations:DescribeOrganization',
          'organizations:DescribeOrganizationalUnit',
          'organizations:DescribePolicy',
          'organizations:ListChildren',
          'organizations:ListParents',
          'organizations:ListPoliciesForTarget',
          'organizations:ListRoots',
          'organizations:ListPolicies',
          'organizations:ListTargetsForPolicy',
        ]),
      },
    ],
  },
  {
    policyName: 'IAMReadOnlyAccess',
    policyId: 'ANPAJKSO7NDY4T57MWDSQ',
    path: '/',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    createdAt: '2015-02-06T18:40:39Z',
    versions: [
      {
        versionId: 'v4',
        createdAt: '2018-01-25T19:11:27Z',
        document: allow([
          'iam:GenerateCredentialReport',
          'iam:GenerateServiceLastAccessedDetails',
          'iam:Get*',
          'iam:List*',
          'iam:SimulateCustomPolicy',
          'iam:SimulatePrincipalPolicy',
        ]),
      },
    ],
  },
];
