/** AttachUserPolicy: a managed policy (the account's own or AWS's) on a user; at most 10. */
import { attachPolicyAction } from './attachment-actions.ts';

export const attachUserPolicy = attachPolicyAction('user');
