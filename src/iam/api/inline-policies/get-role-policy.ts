/** GetRolePolicy: an inline policy of a role, its document URL-encoded. */
import { getInlinePolicyAction } from './inline-policy-actions.ts';

export const getRolePolicy = getInlinePolicyAction('role');
