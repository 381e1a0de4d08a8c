/** PutGroupPolicy: creates or replaces an inline policy of a group (MalformedPolicyDocument, size budget). */
import { putInlinePolicyAction } from './inline-policy-actions.ts';

export const putGroupPolicy = putInlinePolicyAction('group');
