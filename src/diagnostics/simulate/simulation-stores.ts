/**
 * What `coffer simulate` evaluates against: a data directory's stores (bucket policy, ACLs,
 * Object Ownership, Block Public Access; IAM identity policies and boundaries), with the policy
 * files given on the command line in place of the stored ones. Shaped as the PolicyAuthorizer's
 * own dependencies, so the server's authorizer does the gathering and the deciding.
 */
import type { PolicyAuthorizerDeps } from '../../authz/policy-authorizer.ts';
import type { AccountDirectory } from '../../authz/acl/resolve-grantees.ts';
import type { IamPolicyReader } from '../../authz/principal-policies.ts';
import type { PolicyDocumentRef } from '../../iam/iam-entities.ts';
import type { MetadataStore } from '../../storage/metadata-store.ts';
import type { PublicAccessBlock } from '../../storage/types.ts';
import type { PrincipalDirectory } from './resolve-principal.ts';

/** A data directory's stores, as far as simulate reads them; each absent when there is none. */
export interface DataDirStores {
  metadata?: Pick<MetadataStore, 'getBucket' | 'getBucketConfig' | 'getBucketConfigs' | 'getObject'>;
  identity?: PrincipalDirectory &
    AccountDirectory & {
      iam: IamPolicyReader & PrincipalDirectory['iam'];
      getAccountPublicAccessBlock(accountId: string): Promise<PublicAccessBlock | undefined>;
    };
}

export interface PolicyFile {
  /** The file name: it names the policy in traces (`identity policy 'read.json'`). */
  name: string;
  text: string;
}

export interface PolicyOverrides {
  /** Replace the principal's stored identity policies. */
  identityPolicies?: readonly PolicyFile[];
  /** Replace the bucket's stored policy. */
  bucketPolicy?: PolicyFile;
}

export function simulationAuthorizerDeps(stores: DataDirStores, overrides: PolicyOverrides): PolicyAuthorizerDeps {
  const { metadata, identity } = stores;
  const files = overrides.identityPolicies;
  const iam: IamPolicyReader = {
    identityPolicies: async (owner) =>
      files !== undefined
        ? // As managed references, so that traces name them by file alone (`identity policy 'read.json'`).
          files.map((f): PolicyDocumentRef => ({ source: 'managed', policyArn: f.name, versionId: 'v1', document: f.text }))
        : ((await identity?.iam.identityPolicies(owner)) ?? []),
    permissionsBoundary: async (owner) => identity?.iam.permissionsBoundary(owner),
    managedPolicyDocument: async (accountId, arn) => identity?.iam.managedPolicyDocument(accountId, arn),
  };
  return {
    metadata: {
      getBucketConfigs: async (bucket) => {
        const stored = (await metadata?.getBucketConfigs(bucket)) ?? {};
        return overrides.bucketPolicy === undefined ? stored : { ...stored, policy: { text: overrides.bucketPolicy.text } };
      },
      getObject: async (bucket, key, versionId) => metadata?.getObject(bucket, key, versionId),
    },
    iam,
    // As main.ts wires the server's authorizer: account-level Block Public Access too.
    ...(identity ? { accounts: identity, accountPublicAccessBlock: (accountId: string) => identity.getAccountPublicAccessBlock(accountId) } : {}),
  };
}
