/** GetUserPolicy: an inline policy of a user, its document URL-encoded. */
import { getInlinePolicyAction } from './inline-policy-actions.ts';

export const getUserPolicy = getInlinePolicyAction('user');
