/** ListUserPolicies: the names of a user's inline policies. */
import { listInlinePoliciesAction } from './inline-policy-actions.ts';

export const listUserPolicies = listInlinePoliciesAction('user');
