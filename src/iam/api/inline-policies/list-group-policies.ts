/** ListGroupPolicies: the names of a group's inline policies. */
import { listInlinePoliciesAction } from './inline-policy-actions.ts';

export const listGroupPolicies = listInlinePoliciesAction('group');
