/**
 * What the evaluator needs to decide one (action, resource) pair (policy-evaluation.md §7.1).
 * The caller — the Authorizer — gathers it: the principal from authentication, the policies
 * from the IAM and bucket stores, the ACL verdict from ACL evaluation, the Block Public Access
 * settings; nothing here does I/O.
 */
import type { CompiledPolicy } from './compiled-policy.ts';
import type { EvaluationPrincipal } from './evaluation-principal.ts';
import type { RequestContext } from './request-context.ts';

/** A policy and the name it is known by in traces and explanations. */
export interface NamedPolicy {
  /** Inline policy name, managed policy name or ARN. */
  readonly name: string;
  readonly policy: CompiledPolicy;
}

export interface ResourcePolicy {
  /** A bucket policy, or a role's trust policy (for sts:AssumeRole). */
  readonly kind: 'bucket' | 'trust';
  /** The bucket name, or the role ARN. */
  readonly name: string;
  readonly policy: CompiledPolicy;
}

/** The ACL's verdict for this request, from ACL evaluation (separate work). */
export interface AclVerdict {
  readonly allowed: boolean;
  /** Plain words for traces, e.g. `bucket ACL grants READ to AllUsers`. */
  readonly description: string;
  /**
   * The grant came from the AllUsers / AuthenticatedUsers group (it reaches IAM users directly,
   * like Principal "*") rather than from a grant to the caller's account (which, like a policy
   * naming the account, needs the account's identity policies to delegate). Default false.
   */
  readonly toGroup?: boolean;
}

export interface AccessEvaluation {
  /**
   * The caller: a principal from authentication, or — for a role's trust policy only — a web
   * identity (AssumeRoleWithWebIdentity), which the resource policy alone can allow.
   */
  readonly principal: EvaluationPrincipal;
  /** IAM action, canonical spelling (`s3:GetObject`): it appears as is in messages. */
  readonly action: string;
  /** Resource ARN, or `*` for actions without one (s3:ListAllMyBuckets). */
  readonly resource: string;
  readonly context: RequestContext;
  /** Account owning the resource (bucket owner; the role's account for a trust policy); absent for `*`. */
  readonly resourceOwner?: string;
  /** The principal's identity policies (user + groups, or the role's). Ignored for the root user. */
  readonly identityPolicies?: readonly NamedPolicy[];
  readonly permissionsBoundary?: NamedPolicy;
  /**
   * Session policies of the caller's session. Absent: the session has none (no limit).
   * Present and empty: the session was given policies that allow nothing (every action is
   * implicitly denied) — e.g. PolicyArns naming a policy since deleted.
   */
  readonly sessionPolicies?: readonly NamedPolicy[];
  readonly resourcePolicy?: ResourcePolicy;
  readonly acl?: AclVerdict;
  /**
   * Object operations with ACLs enabled: the account owning the object. When it is not the
   * bucket owner, the object owner's grant is required and the bucket policy can only deny
   * (§7.2 step 6); DeleteObject is exempt (the bucket owner may always delete).
   */
  readonly objectOwner?: string;
  readonly blockPublicAccess?: {
    readonly restrictPublicBuckets: boolean;
    /** Whether the bucket policy is public (§8.4); defaults to the compiled policy's own verdict. */
    readonly policyIsPublic?: boolean;
  };
}
