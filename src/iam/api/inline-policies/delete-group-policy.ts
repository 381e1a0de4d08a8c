/** DeleteGroupPolicy: removes an inline policy of a group. */
import { deleteInlinePolicyAction } from './inline-policy-actions.ts';

export const deleteGroupPolicy = deleteInlinePolicyAction('group');
