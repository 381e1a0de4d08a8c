/**
 * A policy document as written, after structural validation (policy-evaluation.md §1):
 * single strings are normalised to one-element arrays, numbers and booleans in conditions to
 * their text (`true` ≡ `"true"`), and each statement keeps which element of a pair it used.
 */
export type PolicyVersion = '2012-10-17' | '2008-10-17';
export type Effect = 'Allow' | 'Deny';

export interface PolicyDocument {
  /** undefined when the document has no Version (then, as with 2008-10-17, `${…}` is literal). */
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly StatementNode[];
}

export interface StatementNode {
  /** Position in the Statement array (0 for a lone statement object). */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: PrincipalNode | undefined;
  readonly principalElement: 'Principal' | 'NotPrincipal' | undefined;
  readonly actions: readonly string[];
  readonly actionElement: 'Action' | 'NotAction';
  /** undefined when the statement has neither Resource nor NotResource (role trust policies). */
  readonly resources: readonly string[] | undefined;
  readonly resourceElement: 'Resource' | 'NotResource' | undefined;
  readonly conditions: readonly ConditionNode[];
}

/** `"*"`, or the typed lists of `{"AWS": …, "CanonicalUser": …, "Service": …, "Federated": …}`. */
export type PrincipalNode =
  | { readonly wildcard: true }
  | {
      readonly wildcard: false;
      readonly aws: readonly string[];
      readonly canonicalUser: readonly string[];
      readonly service: readonly string[];
      readonly federated: readonly string[];
    };

/** One operator/key pair of a Condition block, with its values (ORed). */
export interface ConditionNode {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}
