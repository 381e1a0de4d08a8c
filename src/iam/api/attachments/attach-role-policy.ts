/** AttachRolePolicy: a managed policy (the account's own or AWS's) on a role; at most 10. */
import { attachPolicyAction } from './attachment-actions.ts';

export const attachRolePolicy = attachPolicyAction('role');
