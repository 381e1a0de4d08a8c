/** DetachRolePolicy. */
import { detachPolicyAction } from './attachment-actions.ts';

export const detachRolePolicy = detachPolicyAction('role');
