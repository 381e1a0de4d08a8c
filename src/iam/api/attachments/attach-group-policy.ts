/** AttachGroupPolicy: a managed policy (the account's own or AWS's) on a group; at most 10. */
import { attachPolicyAction } from './attachment-actions.ts';

export const attachGroupPolicy = attachPolicyAction('group');
