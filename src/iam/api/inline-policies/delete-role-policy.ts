/** DeleteRolePolicy: removes an inline policy of a role. */
import { deleteInlinePolicyAction } from './inline-policy-actions.ts';

export const deleteRolePolicy = deleteInlinePolicyAction('role');
