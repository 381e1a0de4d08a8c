/**
 * The AccessDenied message AWS sends (errors.md §8; sts-iam.md §2.2, §5.1):
 *
 * - S3, caller in the bucket owner's account (or an account-level action such as
 *   ListAllMyBuckets): `User: <arn> is not authorized to perform: <action> on resource:
 *   "<resource>" because no <type> policy allows the <action> action`, or `… with an explicit
 *   deny in a <type> policy` (`an identity-based policy`; `a permissions boundary` without the
 *   word policy); no `on resource` part for `*`.
 * - S3, anonymous or cross-account: `Access Denied`.
 * - STS (AssumeRole): `User: <arn> is not authorized to perform: sts:AssumeRole on resource:
 *   <role-arn>`, the same for every cause (a missing role is indistinguishable).
 * - STS, web identities (AssumeRoleWithWebIdentity): `Not authorized to perform
 *   sts:AssumeRoleWithWebIdentity` (sts-iam.md §2.4 [AWS]), again for every cause.
 * - IAM and other services: the enhanced form with the resource unquoted.
 *
 * `<arn>` is the caller: the user, the root (`arn:aws:iam::<acct>:root`) or, for a role, the
 * assumed-role session ARN.
 */
import type { PolicyType } from './access-decision.ts';
import type { EvaluationPrincipal } from './evaluation-principal.ts';

export interface DenialFacts {
  readonly principal: EvaluationPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly explicit: boolean;
  readonly deniedBy: PolicyType;
  /** The bucket (or resource) owner's account; undefined for account-level actions. */
  readonly resourceOwner: string | undefined;
}

const PHRASE: Record<PolicyType, string> = {
  'identity-based': 'identity-based policy',
  'resource-based': 'resource-based policy',
  'permissions boundary': 'permissions boundary',
  session: 'session policy',
};

/** `an identity-based policy`, `a resource-based policy`, `a permissions boundary`, `a session policy`. */
function withArticle(type: PolicyType): string {
  return `${type === 'identity-based' ? 'an' : 'a'} ${PHRASE[type]}`;
}

export function accessDeniedMessage(f: DenialFacts): string {
  const p = f.principal;
  if (p.type === 'Anonymous') return 'Access Denied';
  if (p.type === 'WebIdentityUser') return `Not authorized to perform ${f.action}`;
  const service = f.action.slice(0, f.action.indexOf(':')).toLowerCase();
  if (service === 'sts') return `User: ${p.arn} is not authorized to perform: ${f.action} on resource: ${f.resource}`;
  if (service === 's3' && f.resourceOwner !== undefined && f.resourceOwner !== p.account.accountId) return 'Access Denied';
  const on = f.resource === '*' ? '' : service === 's3' ? ` on resource: "${f.resource}"` : ` on resource: ${f.resource}`;
  const why = f.explicit
    ? ` with an explicit deny in ${withArticle(f.deniedBy)}`
    : ` because no ${PHRASE[f.deniedBy]} allows the ${f.action} action`;
  return `User: ${p.arn} is not authorized to perform: ${f.action}${on}${why}`;
}
