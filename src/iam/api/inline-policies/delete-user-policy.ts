/** DeleteUserPolicy: removes an inline policy of a user. */
import { deleteInlinePolicyAction } from './inline-policy-actions.ts';

export const deleteUserPolicy = deleteInlinePolicyAction('user');
