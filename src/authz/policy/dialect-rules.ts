/**
 * What a dialect checks beyond the grammar, statement by statement, in the order the faults
 * are reported: principal, actions, resources, action/resource fit, then condition keys once
 * the operators have compiled. Each dialect (bucket, identity/session, trust) implements it.
 */
import type { PrincipalMatcher } from './match-principal.ts';
import type { PolicyDocument, StatementNode } from './policy-ast.ts';
import type { PolicyDialect } from './policy-dialect.ts';

export interface DialectRules {
  readonly dialect: PolicyDialect;
  /** Whole-document rules (size is checked earlier, on the text). */
  document(doc: PolicyDocument): void;
  /** Validates Principal/NotPrincipal and returns its matcher (undefined when absent). */
  principal(s: StatementNode): PrincipalMatcher | undefined;
  actions(s: StatementNode): void;
  resources(s: StatementNode): void;
  conditionKeys(s: StatementNode): void;
}

/** Resolves an IAM user or role ARN named as a principal to its unique id; undefined if unknown. */
export type ResolvePrincipal = (ref: { kind: 'user' | 'role'; arn: string; accountId: string }) => { uniqueId: string } | undefined;
