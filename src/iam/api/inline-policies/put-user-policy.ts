/** PutUserPolicy: creates or replaces an inline policy of a user (MalformedPolicyDocument, size budget). */
import { putInlinePolicyAction } from './inline-policy-actions.ts';

export const putUserPolicy = putInlinePolicyAction('user');
