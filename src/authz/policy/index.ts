/**
 * The policy engine's public surface (issue 4). Pure: no I/O, no module state. The Authorizer
 * compiles each policy once when it is stored (parse*Policy), builds one RequestContext per
 * request (buildS3RequestContext), and calls evaluateAccess per (action, resource) pair.
 */
export { parseBucketPolicy, parseIdentityPolicy, parseSessionPolicy, parseTrustPolicy } from './parse-policies.ts';
export { BUCKET_POLICY_MAX_BYTES, TRUST_POLICY_DEFAULT_MAX } from './parse-policies.ts';
export type { IdentityPolicyOptions, TrustPolicyParseOptions } from './parse-policies.ts';
export type { BucketPolicyOptions } from './bucket-policy-rules.ts';
export type { ResolvePrincipal } from './dialect-rules.ts';
export { PolicyError } from './policy-error.ts';
export type { PolicyErrorCode, PolicyFault } from './policy-error.ts';
export type { PolicyDialect } from './policy-dialect.ts';
export type { CompiledPolicy, CompiledStatement } from './compiled-policy.ts';
export type { ConditionNode, Effect, PolicyDocument, PolicyVersion, PrincipalNode, StatementNode } from './policy-ast.ts';

export { RequestContext } from './request-context.ts';
export type { ContextEntries, ContextValue } from './request-context.ts';
export { buildS3RequestContext } from './build-s3-request-context.ts';
export type { S3OperationFacts, S3RequestFacts } from './build-s3-request-context.ts';

export { evaluateAccess, isAccessAllowed } from './evaluate.ts';
export type { EvaluationPrincipal, WebIdentityPrincipal } from './evaluation-principal.ts';
export type { AccessEvaluation, AclVerdict, NamedPolicy, ResourcePolicy } from './access-evaluation.ts';
export type { ConditionFailure, ConditionOutcome, PolicyDecision, PolicyKind, PolicyType, StatementRef } from './access-decision.ts';
export { accessDeniedMessage } from './access-denied-message.ts';

export { isPublicPolicy } from './is-public-policy.ts';
export { S3_ACTIONS } from './s3-actions.ts';
export type { S3ResourceKind } from './s3-actions.ts';
export { AWS_MANAGED_POLICIES, findAwsManagedPolicy } from './managed/aws-managed-policies.ts';
export type { AwsManagedPolicy } from './managed/managed-policy.ts';
