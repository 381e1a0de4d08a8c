/** DetachUserPolicy. */
import { detachPolicyAction } from './attachment-actions.ts';

export const detachUserPolicy = detachPolicyAction('user');
