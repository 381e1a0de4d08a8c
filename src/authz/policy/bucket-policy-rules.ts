/**
 * S3's rules for bucket policies, beyond the grammar (§1 table): Principal required and of a
 * known form; actions are `*` or name at least one S3 action; resources are `*` or could
 * match this bucket or an object in it; some action applies to some resource; condition keys
 * are known `aws:`/`s3:` keys that apply to at least one of the statement's actions.
 */
import { compilePattern } from './compile-pattern.ts';
import { bucketPolicyKeyRule } from './condition-keys.ts';
import type { DialectRules, ResolvePrincipal } from './dialect-rules.ts';
import { matchPattern } from './match-pattern.ts';
import { canMatchExactly, canMatchWithPrefix } from './pattern-reach.ts';
import type { StatementNode } from './policy-ast.ts';
import { policyFault } from './policy-dialect.ts';
import { buildPrincipalMatcher } from './principal-matcher-builder.ts';
import { S3_ACTIONS, type S3ResourceKind } from './s3-actions.ts';

export interface BucketPolicyOptions {
  /** The bucket the policy is for: resources must be it or its objects. */
  bucket: string;
  resolvePrincipal?: ResolvePrincipal;
}

export function bucketPolicyRules(options: BucketPolicyOptions): DialectRules {
  const fault = (f: Parameters<typeof policyFault>[1]) => policyFault('bucket', f);
  const bucketArn = `arn:aws:s3:::${options.bucket}`;
  return {
    dialect: 'bucket',
    document() {},
    principal(s) {
      if (s.principal === undefined) throw fault('missing-principal');
      return buildPrincipalMatcher(s, { dialect: 'bucket', federated: false, canonicalUser: true, resolvePrincipal: options.resolvePrincipal });
    },
    actions(s) {
      for (const a of s.actions) if (a !== '*' && actionsMatching([a]).size === 0) throw fault('invalid-action');
    },
    resources(s) {
      if (s.resources === undefined) throw fault('missing-resource');
      const kinds = resourceKinds(s, bucketArn);
      if (kinds === undefined) throw fault('invalid-resource');
      if (s.actionElement === 'Action') {
        const applies = [...actionsMatching(s.actions)].some((a) => kinds.has(S3_ACTIONS.get(a)!.kind));
        if (!applies) throw fault('action-resource-mismatch');
      }
    },
    conditionKeys(s) {
      const actions = s.actionElement === 'Action' ? actionsMatching(s.actions) : undefined;
      for (const c of s.conditions) {
        const rule = bucketPolicyKeyRule(c.key);
        if (rule === undefined) throw fault('invalid-condition-key');
        if (actions === undefined || rule.actions === undefined) continue;
        if (![...actions].some((a) => rule.actions!.has(a))) throw fault('condition-not-applicable');
      }
    },
  };
}

/** Lower-cased S3 action names the patterns match (`*` matches them all; other services none). */
function actionsMatching(patterns: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of patterns) {
    const p = compilePattern(text, { wildcards: true, variables: false, foldCase: true });
    for (const name of S3_ACTIONS.keys()) if (matchPattern(p, name, undefined)) out.add(name);
  }
  return out;
}

/** What the statement's resources can reach in this bucket; undefined if one reaches nothing. */
function resourceKinds(s: StatementNode, bucketArn: string): Set<S3ResourceKind> | undefined {
  const kinds = new Set<S3ResourceKind>();
  if (s.resourceElement === 'NotResource') return new Set(['bucket', 'object']);
  for (const text of s.resources!) {
    const p = compilePattern(text, { wildcards: true, variables: true, foldCase: false });
    const bucket = canMatchExactly(p, bucketArn);
    const object = canMatchWithPrefix(p, `${bucketArn}/`);
    if (!bucket && !object) return undefined;
    if (bucket) kinds.add('bucket');
    if (object) kinds.add('object');
  }
  return kinds;
}
