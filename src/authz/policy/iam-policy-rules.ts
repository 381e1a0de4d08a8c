/**
 * IAM's rules beyond the grammar, for identity policies (user/group/role inline and managed
 * policies, permissions boundaries), session policies, and role trust policies
 * (sts-iam.md §4, §5.1): SIDs alphanumeric and unique; actions and condition keys carry a
 * vendor prefix (IAM does not check action or key names against a service's list); resources
 * are `*` or ARNs. Identity and session policies must not name a Principal; trust policies must,
 * and must not have a Resource.
 *
 * Condition keys are `vendor:name` (`sts:ExternalId`, `aws:SourceIp`, `sts:TransitiveTagKeys`),
 * tag keys after a `…Tag/` prefix may hold what tag keys hold (`aws:RequestTag/cost:center`),
 * and trust policies also take OIDC providers' claim keys, `<issuer>:<claim>`
 * (`token.actions.githubusercontent.com:sub`, `oidc.eks.us-west-2.amazonaws.com/id/ABC:aud`,
 * `accounts.google.com:aud`, `cognito-identity.amazonaws.com:amr`; sts-iam.md §2.4). Anything
 * else — no vendor, an empty name, white space, a scheme (`https://…:sub`) — is refused with
 * IAM's vendor message.
 */
import type { DialectRules, ResolvePrincipal } from './dialect-rules.ts';
import { ISSUER_PATTERN } from './issuer-pattern.ts';
import type { StatementNode } from './policy-ast.ts';
import { type PolicyDialect, policyFault } from './policy-dialect.ts';
import { buildPrincipalMatcher } from './principal-matcher-builder.ts';

const SID = /^[0-9A-Za-z]*$/;
const VENDOR = /^[A-Za-z0-9-]+:[^:\s]+$/;
/** `aws:RequestTag/<tag key>`, `aws:PrincipalTag/…`, `s3:ExistingObjectTag/…`: the Tags pattern of sts-iam.md §2.2, 1–128 characters. */
const TAG_KEY = /^[A-Za-z0-9-]+:[A-Za-z]*Tag\/[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/iu;
const PROVIDER_KEY = new RegExp(`^${ISSUER_PATTERN}:[^:\\s]+$`);
/** `arn:partition:service:region:account:resource` — six parts, the last non-empty. */
const ARN = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+$/s;

export function identityPolicyRules(dialect: 'identity' | 'session'): DialectRules {
  return {
    dialect,
    document: (doc) => checkSids(doc.statements, dialect),
    principal(s) {
      if (s.principal !== undefined) throw policyFault(dialect, 'principal-not-allowed');
      return undefined;
    },
    actions: (s) => checkActions(s, dialect),
    resources(s) {
      if (s.resources === undefined) throw policyFault(dialect, 'missing-resource');
      for (const r of s.resources) if (r !== '*' && !ARN.test(r)) throw policyFault(dialect, 'invalid-resource', r);
    },
    conditionKeys: (s) => checkConditionKeys(s, dialect),
  };
}

export interface TrustPolicyOptions {
  resolvePrincipal?: ResolvePrincipal;
}

export function trustPolicyRules(options: TrustPolicyOptions): DialectRules {
  const dialect = 'trust';
  return {
    dialect,
    document: (doc) => checkSids(doc.statements, dialect),
    principal(s) {
      if (s.principal === undefined) throw policyFault(dialect, 'missing-principal');
      return buildPrincipalMatcher(s, { dialect, federated: true, canonicalUser: false, resolvePrincipal: options.resolvePrincipal });
    },
    actions: (s) => checkActions(s, dialect),
    resources(s) {
      if (s.resourceElement !== undefined) throw policyFault(dialect, 'prohibited-resource', s.resourceElement);
    },
    conditionKeys: (s) => checkConditionKeys(s, dialect),
  };
}

function checkSids(statements: readonly StatementNode[], dialect: PolicyDialect): void {
  const seen = new Set<string>();
  for (const s of statements) {
    if (s.sid === undefined) continue;
    if (!SID.test(s.sid)) throw policyFault(dialect, 'invalid-sid');
    if (s.sid !== '' && seen.has(s.sid)) throw policyFault(dialect, 'duplicate-sid');
    seen.add(s.sid);
  }
}

function checkActions(s: StatementNode, dialect: PolicyDialect): void {
  for (const a of s.actions) if (a !== '*' && !VENDOR.test(a)) throw policyFault(dialect, 'invalid-action', a);
}

function checkConditionKeys(s: StatementNode, dialect: PolicyDialect): void {
  for (const c of s.conditions) if (!isConditionKey(c.key, dialect)) throw policyFault(dialect, 'invalid-condition-key', c.key);
}

function isConditionKey(key: string, dialect: PolicyDialect): boolean {
  return VENDOR.test(key) || TAG_KEY.test(key) || (dialect === 'trust' && PROVIDER_KEY.test(key));
}
