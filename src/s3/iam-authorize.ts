/**
 * IAM calls are authorized like any other AWS call (issue 5): the caller's identity policies,
 * boundary and session policies must allow the `iam:*` action on the entity's ARN. This adapts
 * the server's Authorizer to the IAM API's hook; the root user never gets here.
 */
import type { Authorizer } from '../authz/authorizer.ts';
import type { IamAuthorize } from '../iam/api/iam-service.ts';
import { requestFacts } from './request-facts.ts';

export function iamAuthorize(authorizer: Authorizer): IamAuthorize {
  return async ({ auth, req, iamAction, resourceArn }) => {
    const decision = await authorizer.authorize({ auth, action: iamAction, resource: resourceArn, bucket: undefined, facts: requestFacts(req, auth, iamAction) });
    return decision.allowed ? { allowed: true } : { allowed: false, message: decision.message ?? 'Access Denied' };
  };
}
