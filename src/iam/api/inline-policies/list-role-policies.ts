/** ListRolePolicies: the names of a role's inline policies. */
import { listInlinePoliciesAction } from './inline-policy-actions.ts';

export const listRolePolicies = listInlinePoliciesAction('role');
