/**
 * A policy compiled once, when it is stored: every string is a precompiled pattern and every
 * condition a function, so evaluation walks arrays without parsing, building regexes or
 * allocating. The document (AST) and source text are kept for GetBucketPolicy and traces.
 */
import type { CompiledPattern } from './compile-pattern.ts';
import type { CompiledCondition } from './conditions/compile-condition.ts';
import type { PrincipalMatcher } from './match-principal.ts';
import type { PolicyDocument, StatementNode } from './policy-ast.ts';
import type { PolicyDialect } from './policy-dialect.ts';

/** Action / NotAction, Resource / NotResource: patterns ORed, then negated for the Not form. */
export interface PatternSet {
  readonly negated: boolean;
  readonly patterns: readonly CompiledPattern[];
}

export interface CompiledStatement {
  readonly node: StatementNode;
  readonly index: number;
  readonly sid: string | undefined;
  readonly isDeny: boolean;
  /** undefined in identity and session policies (no Principal element). */
  readonly principal: PrincipalMatcher | undefined;
  readonly actions: PatternSet;
  /** undefined in role trust policies (no Resource element): every resource. */
  readonly resources: PatternSet | undefined;
  /** ANDed (§2.4). */
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledPolicy {
  readonly dialect: PolicyDialect;
  readonly text: string;
  readonly document: PolicyDocument;
  readonly statements: readonly CompiledStatement[];
  /** Resource policies: whether §8.4 calls the policy public (false for identity policies). */
  readonly isPublic: boolean;
}
