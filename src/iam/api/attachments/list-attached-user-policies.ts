/** ListAttachedUserPolicies: PolicyName and PolicyArn of each, by name. */
import { listAttachedPoliciesAction } from './attachment-actions.ts';

export const listAttachedUserPolicies = listAttachedPoliciesAction('user');
