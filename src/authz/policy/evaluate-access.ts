/**
 * The evaluation algorithm of policy-evaluation.md §7.2 for one (action, resource) pair:
 *
 * 1. An explicit Deny in any applicable policy — identity, resource (bucket or trust),
 *    permissions boundary, session — denies; the first found in that order is reported.
 *    Exception: the bucket owner's root user may always Get/Put/DeleteBucketPolicy.
 * 2. RestrictPublicBuckets: a public bucket policy grants only to the owner account's
 *    principals. With another account's object (ACLs enabled) only its owner's grant counts.
 * 3. R: the resource policy's best Allow for the caller, or the ACL's grant.
 * 4. I: root, or identity ∧ (no boundary ∨ boundary) ∧ (no session policy ∨ session policy).
 * 5. Same account: I, or an R that suffices on its own (§7.3: direct grants; role/`*` grants
 *    unless a boundary or session policy implicitly denies; account grants need I). Cross
 *    account: I ∧ R. Anonymous callers and web identities: R.
 *
 * A role's trust policy is the one resource policy that must always allow (sts-iam.md §2.2):
 * no identity policy lets anyone assume a role whose trust policy does not name them, their
 * role, their account or `*`. Within the role's account the rest is as above — a trust policy
 * naming the user or session suffices; naming the caller's role or `*` suffices unless a
 * boundary or session policy fails; naming the account delegates to the identity side (I).
 *
 * The request's `*` resource (account-level actions) is matched as `arn:aws:s3:::*` for S3
 * actions, so `"Resource": "*"` and `"Resource": "arn:aws:s3:::*"` both cover
 * ListAllMyBuckets, as on AWS, and a single bucket's ARN does not.
 */
import type { PolicyType } from './access-decision.ts';
import type { AccessEvaluation, NamedPolicy } from './access-evaluation.ts';
import { accountIdOf } from './evaluation-principal.ts';
import { DIRECT, LIMITED, NO_MATCH, VIA_ACCOUNT } from './match-principal.ts';
import { principalRank, type StatementRequest } from './match-statement.ts';
import { requiresObjectOwnerGrant } from './object-owner-context.ts';
import { bestAllow, firstDeny } from './scan-policy.ts';
import type { Basis, Hit, Verdict } from './verdict.ts';

const RECOVERY_ACTIONS = new Set(['s3:getbucketpolicy', 's3:putbucketpolicy', 's3:deletebucketpolicy']);
const NONE: readonly NamedPolicy[] = [];

export function statementRequestOf(input: AccessEvaluation): StatementRequest {
  const s3Wide = input.resource === '*' && input.action.length > 3 && input.action.slice(0, 3).toLowerCase() === 's3:';
  return {
    principal: input.principal,
    action: input.action,
    actionLower: input.action.toLowerCase(),
    resource: s3Wide ? 'arn:aws:s3:::*' : input.resource,
    context: input.context,
    // Only IAM users and role sessions have boundaries (the root user cannot).
    hasBoundary: input.permissionsBoundary !== undefined && (input.principal.type === 'User' || input.principal.type === 'AssumedRole'),
  };
}

export function decideAccess(input: AccessEvaluation, r: StatementRequest): Verdict {
  const p = input.principal;
  const iamCaller = p.type === 'User' || p.type === 'AssumedRole';
  // The root user and anonymous callers have no identity, boundary or session policies.
  const identity = iamCaller ? (input.identityPolicies ?? NONE) : NONE;
  const boundary = iamCaller ? input.permissionsBoundary : undefined;
  const session = iamCaller ? input.sessionPolicies : undefined;
  const rp = input.resourcePolicy;
  let notes: string[] | undefined; // allocated only when there is something to say

  // 1. Explicit deny.
  const idDeny = scanList(identity, 'identity', r, firstDeny);
  if (idDeny !== undefined) return denied('explicit-deny', 'identity-based', [idDeny], notes);
  if (rp !== undefined) {
    const i = firstDeny(rp.policy, r);
    if (i >= 0) {
      const recovery = p.type === 'Account' && p.account.accountId === input.resourceOwner && RECOVERY_ACTIONS.has(input.action.toLowerCase());
      if (!recovery) return denied('explicit-deny', 'resource-based', [{ kind: rp.kind, name: rp.name, policy: rp.policy, index: i }], notes);
      const sid = rp.policy.statements[i]!.sid;
      const which = sid !== undefined && sid !== '' ? `statement '${sid}'` : `Statement[${i}]`;
      (notes ??= []).push(`${which} of the bucket policy denies it, but the bucket owner's root user may always manage the bucket policy (lock-out recovery)`);
    }
  }
  const bDeny = boundary === undefined ? undefined : scanOne(boundary, 'permissions-boundary', r, firstDeny);
  if (bDeny !== undefined) return denied('explicit-deny', 'permissions boundary', [bDeny], notes);
  const sDeny = session === undefined ? undefined : scanList(session, 'session', r, firstDeny);
  if (sDeny !== undefined) return denied('explicit-deny', 'session', [sDeny], notes);

  // 2–3. The resource side.
  const objectContext = input.objectOwner !== undefined && input.objectOwner !== input.resourceOwner && requiresObjectOwnerGrant(input.action);
  const owner = objectContext ? input.objectOwner : input.resourceOwner;
  let grant: Hit | undefined;
  let rank: number = NO_MATCH;
  if (objectContext) {
    (notes ??= []).push(
      `the object belongs to account ${input.objectOwner}, not to the bucket owner ${input.resourceOwner}: only the object owner's grant (its ACL) can allow this; the bucket policy can only deny`,
    );
  } else if (rp !== undefined) {
    const i = bestAllow(rp.policy, r);
    if (i >= 0) {
      grant = { kind: rp.kind, name: rp.name, policy: rp.policy, index: i };
      rank = principalRank(rp.policy.statements[i]!, r);
    }
  }
  const bpa = input.blockPublicAccess;
  const callerAccount = accountIdOf(p);
  const ownerCaller = callerAccount !== undefined && callerAccount === input.resourceOwner;
  if (grant !== undefined && bpa?.restrictPublicBuckets === true && (bpa.policyIsPublic ?? grant.policy.isPublic) && !ownerCaller) {
    (notes ??= []).push(`the bucket policy is public and RestrictPublicBuckets is on: it grants nothing to callers outside account ${input.resourceOwner}`);
    grant = undefined;
    rank = NO_MATCH;
  }
  const acl = input.acl?.allowed === true ? input.acl : undefined;
  const aclRank = acl === undefined ? NO_MATCH : acl.toGroup === true ? LIMITED : VIA_ACCOUNT;

  // 4. The identity side.
  const idAllow = scanList(identity, 'identity', r, bestAllow);
  const bAllow = boundary === undefined ? undefined : scanOne(boundary, 'permissions-boundary', r, bestAllow);
  const sAllow = session === undefined ? undefined : scanList(session, 'session', r, bestAllow);
  const limitsOk = (boundary === undefined || bAllow !== undefined) && (session === undefined || sAllow !== undefined);
  const I = p.type === 'Account' || (iamCaller && idAllow !== undefined && limitsOk);
  // Which identity-side policy type is missing an Allow (errors.md §8 reports one).
  const gap: PolicyType = idAllow === undefined ? 'identity-based' : boundary !== undefined && bAllow === undefined ? 'permissions boundary' : 'session';
  const limitGap: PolicyType = boundary !== undefined && bAllow === undefined ? 'permissions boundary' : 'session';

  // 5. Combine.
  if (p.type === 'Anonymous' || p.type === 'WebIdentityUser') {
    if (grant !== undefined) return allowed('resource-policy', hits(grant), notes);
    return acl !== undefined ? allowed('acl', [], notes) : denied('implicit-deny', 'resource-based', [], notes);
  }
  const sameAccount = owner === undefined || owner === p.account.accountId;
  if (rp?.kind === 'trust') {
    if (grant === undefined) return denied('implicit-deny', 'resource-based', [], notes);
    if (sameAccount) {
      if (p.type === 'Account' || rank === DIRECT) return allowed('resource-policy', hits(grant), notes);
      if (rank === LIMITED && limitsOk) return allowed('resource-policy', hits(grant, bAllow, sAllow), notes);
      if (I) return allowed('identity-and-resource', hits(idAllow, bAllow, sAllow, grant), notes);
      return denied('implicit-deny', rank === LIMITED ? limitGap : gap, [], notes);
    }
    // Across accounts: I ∧ R, as for any resource policy (below).
  }
  if (sameAccount) {
    if (p.type === 'Account') return allowed('root', [], notes);
    if (I) return allowed('identity', hits(idAllow, bAllow, sAllow), notes);
    if (rank === DIRECT) return allowed('resource-policy', hits(grant), notes);
    if (rank === LIMITED && limitsOk) return allowed('resource-policy', hits(grant, bAllow, sAllow), notes);
    if (aclRank === LIMITED && limitsOk) return allowed('acl', hits(bAllow, sAllow), notes);
    return denied('implicit-deny', rank === LIMITED || aclRank === LIMITED ? limitGap : gap, [], notes);
  }
  if (I && grant !== undefined) return allowed('identity-and-resource', hits(idAllow, bAllow, sAllow, grant), notes);
  if (I && acl !== undefined) return allowed('identity-and-acl', hits(idAllow, bAllow, sAllow), notes);
  return denied('implicit-deny', I ? 'resource-based' : gap, [], notes);
}

const NO_NOTES: readonly string[] = Object.freeze([]);

function allowed(basis: Basis, hitList: readonly Hit[], notes: readonly string[] | undefined): Verdict {
  return { allowed: true, basis, deniedBy: undefined, hits: hitList, notes: notes ?? NO_NOTES };
}

function denied(basis: Basis, deniedBy: PolicyType, hitList: readonly Hit[], notes: readonly string[] | undefined): Verdict {
  return { allowed: false, basis, deniedBy, hits: hitList, notes: notes ?? NO_NOTES };
}

function hits(...list: Array<Hit | undefined>): Hit[] {
  return list.filter((h): h is Hit => h !== undefined);
}

type Find = (policy: NamedPolicy['policy'], r: StatementRequest) => number;

/** The first policy of a list with a hit (first Deny / best Allow), as a Hit. */
function scanList(list: readonly NamedPolicy[], kind: Hit['kind'], r: StatementRequest, find: Find): Hit | undefined {
  for (let n = 0; n < list.length; n++) {
    const hit = scanOne(list[n]!, kind, r, find);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function scanOne(named: NamedPolicy, kind: Hit['kind'], r: StatementRequest, find: Find): Hit | undefined {
  const i = find(named.policy, r);
  return i >= 0 ? { kind, name: named.name, policy: named.policy, index: i } : undefined;
}
