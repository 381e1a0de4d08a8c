/** DetachGroupPolicy. */
import { detachPolicyAction } from './attachment-actions.ts';

export const detachGroupPolicy = detachPolicyAction('group');
