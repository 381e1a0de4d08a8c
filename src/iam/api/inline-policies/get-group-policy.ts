/** GetGroupPolicy: an inline policy of a group, its document URL-encoded. */
import { getInlinePolicyAction } from './inline-policy-actions.ts';

export const getGroupPolicy = getInlinePolicyAction('group');
