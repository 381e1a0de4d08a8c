/**
 * A role's trust policy (AssumeRolePolicyDocument) compiled by the policy engine, as the
 * resource policy of an AssumeRole / AssumeRoleWithWebIdentity decision. IAM validated the
 * document when it was stored (CreateRole / UpdateAssumeRolePolicy, src/iam/api/
 * check-policy-document.ts), including the size quota of the day, so none is applied again here.
 * A stored document that no longer parses allows nothing: the caller sees the usual AccessDenied.
 *
 * Principals are matched by ARN: unlike the stored bucket policies, the IAM store keeps the
 * trust policy's text, not the unique ids its user/role ARNs resolved to.
 */
import { parseTrustPolicy, PolicyError, type ResourcePolicy } from '../../authz/policy/index.ts';
import type { StsRole } from '../sts-directory.ts';

export function roleTrustPolicy(role: Pick<StsRole, 'arn' | 'trustPolicy'>): ResourcePolicy | undefined {
  try {
    const policy = parseTrustPolicy(role.trustPolicy, { maxSize: Number.MAX_SAFE_INTEGER });
    return { kind: 'trust', name: role.arn, policy };
  } catch (e) {
    if (e instanceof PolicyError) return undefined;
    throw e;
  }
}
