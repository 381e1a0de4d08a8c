/**
 * Turns a structurally valid document into a CompiledPolicy, applying the dialect's rules to
 * each statement in turn so that the first fault in document order is the one reported.
 * Actions compile lower-cased, for case-insensitive matching (§2.2), resources case-sensitively with `*` spanning `/`
 * and `:` (§2.3); variables (§4) only in 2012-10-17 documents, only in Resource and in string
 * and ARN condition values.
 */
import { compilePattern } from './compile-pattern.ts';
import type { CompiledPolicy, CompiledStatement, PatternSet } from './compiled-policy.ts';
import { compileCondition } from './conditions/compile-condition.ts';
import type { DialectRules } from './dialect-rules.ts';
import { isPublicPolicy } from './is-public-policy.ts';
import type { PolicyDocument, StatementNode } from './policy-ast.ts';

export function compilePolicy(text: string, doc: PolicyDocument, rules: DialectRules): CompiledPolicy {
  rules.document(doc);
  const variables = doc.version === '2012-10-17';
  const statements = doc.statements.map((s) => compileStatement(s, rules, variables));
  const policy: CompiledPolicy = { dialect: rules.dialect, text, document: doc, statements, isPublic: false };
  if (rules.dialect === 'bucket' || rules.dialect === 'trust') return { ...policy, isPublic: isPublicPolicy(policy) };
  return policy;
}

function compileStatement(s: StatementNode, rules: DialectRules, variables: boolean): CompiledStatement {
  const principal = rules.principal(s);
  rules.actions(s);
  rules.resources(s);
  const conditions = s.conditions.map((c) => compileCondition(c, { dialect: rules.dialect, variables }));
  rules.conditionKeys(s);
  const actions: PatternSet = {
    negated: s.actionElement === 'NotAction',
    // Lower-cased here and in the request (once per evaluation): native comparisons, no folding.
    patterns: s.actions.map((a) => compilePattern(a.toLowerCase(), { wildcards: true, variables: false, foldCase: false })),
  };
  const resources: PatternSet | undefined =
    s.resources === undefined
      ? undefined
      : {
          negated: s.resourceElement === 'NotResource',
          patterns: s.resources.map((r) => compilePattern(r, { wildcards: true, variables, foldCase: false })),
        };
  return { node: s, index: s.index, sid: s.sid, isDeny: s.effect === 'Deny', principal, actions, resources, conditions };
}
