/**
 * The simplest AWS-consistent authorizer: an account's root user may do anything to the buckets it
 * owns and may list and create buckets; anonymous callers and other accounts are denied. This is
 * exactly AWS's behaviour with no policies and private ACLs; the policy engine replaces it.
 */
import type { AccessRequest, Authorizer, Decision } from './authorizer.ts';

export class OwnerOnlyAuthorizer implements Authorizer {
  async authorize(request: AccessRequest): Promise<Decision> {
    const { auth, bucket, action } = request;
    if (auth.kind === 'anonymous') {
      return { allowed: false, effect: 'implicit-deny', reason: 'anonymous requests are not allowed by any policy or ACL' };
    }
    const accountId = auth.principal.account.accountId;
    if (bucket === undefined || action === 's3:CreateBucket') {
      return { allowed: true, effect: 'allow', reason: `${auth.principal.arn} acts within its own account` };
    }
    if (bucket.owner.accountId === accountId) {
      return { allowed: true, effect: 'allow', reason: `${auth.principal.arn} is in the account that owns bucket ${bucket.name}` };
    }
    return {
      allowed: false,
      effect: 'implicit-deny',
      reason: `bucket ${bucket.name} belongs to account ${bucket.owner.accountId}, and nothing grants ${auth.principal.arn} access`,
    };
  }
}
