/**
 * AWS's authorization of an S3 request (policy-evaluation.md §7), gathered here and decided by
 * the policy engine: the caller's identity policies, boundary and session policies (from IAM),
 * the bucket policy, the ACL in force (unless Object Ownership disables ACLs), the object's owner
 * (object context), Block Public Access — and the request facts as condition keys.
 */
import type { AccountDirectory } from './acl/resolve-grantees.ts';
import {
  aclActionRule,
  aclsEnabled,
  bucketAclOf,
  effectiveOwnership,
  effectivePublicAccessBlock,
  findAclGrant,
  objectAclOf,
  type Acl,
  type ObjectOwnership,
  type PublicAccessBlock,
} from './acl/index.ts';
import type { AccessRequest, Authorizer, Decision } from './authorizer.ts';
import { PolicyCache } from './policy-cache.ts';
import { compileStoredBucketPolicy } from './stored-bucket-policy.ts';
import { loadPrincipalPolicies, type IamPolicyReader } from './principal-policies.ts';
import {
  PolicyError,
  buildS3RequestContext,
  evaluateAccess,
  type AclVerdict,
  type ResourcePolicy,
} from './policy/index.ts';
import { temporarySessionOf } from '../sts/temporary-session.ts';
import type { MetadataStore } from '../storage/metadata-store.ts';
import type { BucketConfigs, BucketRecord, ObjectVersion } from '../storage/types.ts';

export interface PolicyAuthorizerDeps {
  metadata: Pick<MetadataStore, 'getBucketConfigs' | 'getObject'>;
  iam: IamPolicyReader | undefined;
  accounts?: AccountDirectory;
  /** Account-level Block Public Access, combined with the bucket's (effective = OR). */
  accountPublicAccessBlock?: (accountId: string) => Promise<PublicAccessBlock | undefined>;
}

interface BucketState {
  policy: ResourcePolicy | undefined;
  ownership: ObjectOwnership;
  aclsEnabled: boolean;
  bucketAcl: Acl;
  publicAccessBlock: PublicAccessBlock;
  /** Only then is the object read for s3:ExistingObjectTag (when ACLs do not need it anyway). */
  policyMentionsObjectTags: boolean;
}

export class PolicyAuthorizer implements Authorizer {
  readonly #deps: PolicyAuthorizerDeps;
  readonly #policies = new PolicyCache();

  constructor(deps: PolicyAuthorizerDeps) {
    this.#deps = deps;
  }

  async authorize(request: AccessRequest): Promise<Decision> {
    const { auth, bucket, action, resource } = request;
    const credential = auth.kind === 'signed' ? auth.credential : undefined;
    const [principalPolicies, bucketState] = await Promise.all([
      loadPrincipalPolicies(auth.principal, credential, this.#deps.iam, this.#policies),
      bucket === undefined ? undefined : this.#bucketState(bucket, request.bucketConfigs),
    ]);

    let acl: AclVerdict | undefined;
    let objectOwner: string | undefined;
    let existingTags: Record<string, string> | undefined;
    if (bucket !== undefined && bucketState !== undefined) {
      const object = request.object && (await this.#objectIfNeeded(request, bucketState));
      acl = this.#aclVerdict(request, bucket, bucketState, object);
      if (object !== undefined && bucketState.aclsEnabled) objectOwner = object.owner.accountId;
      if (object?.tags !== undefined) existingTags = Object.fromEntries(object.tags);
    }

    const session = temporarySessionOf(credential);
    const context = buildS3RequestContext({
      ...request.facts,
      auth,
      ...(session ? { session } : {}),
      ...(bucket ? { resourceAccount: bucket.owner.accountId } : {}),
      operation: existingTags ? { ...request.facts.operation, existingObjectTags: existingTags } : request.facts.operation,
    });
    const decision = evaluateAccess({
      principal: auth.principal,
      action,
      resource,
      context,
      ...(bucket ? { resourceOwner: bucket.owner.accountId } : {}),
      identityPolicies: principalPolicies.identityPolicies,
      ...(principalPolicies.permissionsBoundary ? { permissionsBoundary: principalPolicies.permissionsBoundary } : {}),
      ...(principalPolicies.sessionPolicies ? { sessionPolicies: principalPolicies.sessionPolicies } : {}),
      ...(bucketState?.policy ? { resourcePolicy: bucketState.policy } : {}),
      ...(acl ? { acl } : {}),
      ...(objectOwner !== undefined ? { objectOwner } : {}),
      ...(bucketState ? { blockPublicAccess: { restrictPublicBuckets: bucketState.publicAccessBlock.restrictPublicBuckets } } : {}),
    });
    return {
      allowed: decision.allowed,
      effect: decision.effect,
      reason: decision.reason,
      ...(decision.message !== undefined ? { message: decision.message } : {}),
      trace: {
        statements: decision.statements,
        deniedBy: decision.deniedBy,
        conditionFailures: decision.conditionFailures,
        acl: decision.acl,
        notes: decision.notes,
      },
      action,
      resource,
      facts: request.facts,
    };
  }

  /** Bucket policy, ownership, bucket ACL and Block Public Access of the bucket. */
  async #bucketState(bucket: BucketRecord, known: Partial<BucketConfigs> | undefined): Promise<BucketState> {
    const { metadata } = this.#deps;
    const [configs, accountBpa] = await Promise.all([known ?? metadata.getBucketConfigs(bucket.name), this.#deps.accountPublicAccessBlock?.(bucket.owner.accountId)]);
    const { policy: policyConfig, ownership: ownershipConfig, acl: storedAcl, 'public-access-block': bucketBpa } = configs;
    const ownership = effectiveOwnership(ownershipConfig);
    let policy: ResourcePolicy | undefined;
    if (policyConfig !== undefined) {
      // The same text stored again after a user was recreated names other ids: they are part of the key.
      const dialect = policyConfig.principalIds === undefined ? `bucket:${bucket.name}` : `bucket:${bucket.name}:${JSON.stringify(policyConfig.principalIds)}`;
      const compiled = this.#policies.getFor(policyConfig, dialect, policyConfig.text, () => compileStoredBucketPolicy(policyConfig, bucket.name));
      // A stored policy that no longer compiles (it was valid when stored) counts as none.
      if (!(compiled instanceof PolicyError)) policy = { kind: 'bucket', name: bucket.name, policy: compiled };
    }
    return {
      policy,
      ownership,
      aclsEnabled: aclsEnabled(ownership),
      bucketAcl: bucketAclOf({ bucket, stored: storedAcl as never, ownership }),
      publicAccessBlock: effectivePublicAccessBlock({ bucket: bucketBpa, account: accountBpa }),
      policyMentionsObjectTags: policyConfig !== undefined && /existingobjecttag/i.test(policyConfig.text),
    };
  }

  /** The object, when its owner, ACL or tags take part in the decision. */
  async #objectIfNeeded(request: AccessRequest, state: BucketState): Promise<ObjectVersion | undefined> {
    if (!state.aclsEnabled && !state.policyMentionsObjectTags) return undefined;
    const found = await this.#deps.metadata.getObject(request.bucket!.name, request.object!.key, request.object!.versionId);
    return found?.kind === 'object' ? found : undefined;
  }

  /** What the ACL in force says for this action, when ACLs are enabled and can grant it. */
  #aclVerdict(request: AccessRequest, bucket: BucketRecord, state: BucketState, object: ObjectVersion | undefined): AclVerdict | undefined {
    if (!state.aclsEnabled) return undefined;
    const ignorePublicGrants = state.publicAccessBlock.ignorePublicAcls;
    const objectRule = request.object ? aclActionRule(request.action, 'object') : undefined;
    const rule = objectRule ?? aclActionRule(request.action, 'bucket');
    if (rule === undefined) return undefined;
    let acl;
    let where: string;
    if (rule.acl === 'object') {
      if (object === undefined) return undefined;
      acl = objectAclOf({ object: { owner: object.owner, acl: object.acl as never }, bucket, ownership: state.ownership });
      where = `the ACL of object ${request.object!.key}`;
    } else {
      acl = state.bucketAcl;
      where = `the ACL of bucket ${bucket.name}`;
    }
    const grant = findAclGrant(acl, request.auth.principal, rule.permission, { ignorePublicGrants });
    if (grant === undefined) return { allowed: false, description: `${where} grants ${rule.permission} to no one this caller is` };
    if (rule.onlyForBucketOwner && (request.auth.principal.type === 'Anonymous' || request.auth.principal.account.accountId !== bucket.owner.accountId)) {
      return { allowed: false, description: `${where} grants ${rule.permission}, which allows ${request.action} only to the bucket owner` };
    }
    const to = grant.grantee.type === 'Group' ? grant.grantee.uri.split('/').pop() : grant.grantee.type === 'CanonicalUser' ? `canonical user ${grant.grantee.id.slice(0, 12)}…` : grant.grantee.emailAddress;
    return { allowed: true, description: `${where} grants ${grant.permission} to ${to}`, toGroup: grant.grantee.type === 'Group' };
  }
}

