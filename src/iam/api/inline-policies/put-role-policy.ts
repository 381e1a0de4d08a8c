/** PutRolePolicy: creates or replaces an inline policy of a role (MalformedPolicyDocument, size budget). */
import { putInlinePolicyAction } from './inline-policy-actions.ts';

export const putRolePolicy = putInlinePolicyAction('role');
