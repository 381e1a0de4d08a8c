/**
 * Builds a statement's PrincipalMatcher from its Principal / NotPrincipal node, checking each
 * value against the forms the dialect accepts (§2.1) and resolving IAM user/role ARNs through
 * the caller's hook (§1: an ARN that does not exist is `Invalid principal in policy`).
 */
import type { ResolvePrincipal } from './dialect-rules.ts';
import type { PrincipalMatcher } from './match-principal.ts';
import type { StatementNode } from './policy-ast.ts';
import { type PolicyDialect, policyFault } from './policy-dialect.ts';
import {
  classifyAwsPrincipal,
  classifyCanonicalUser,
  classifyFederated,
  classifyService,
  type PrincipalEntry,
} from './principal-entry.ts';

export interface PrincipalRules {
  dialect: PolicyDialect;
  /** Trust policies accept `Federated`; bucket policies accept `CanonicalUser`. */
  federated: boolean;
  canonicalUser: boolean;
  resolvePrincipal: ResolvePrincipal | undefined;
}

export function buildPrincipalMatcher(s: StatementNode, rules: PrincipalRules): PrincipalMatcher | undefined {
  const node = s.principal;
  if (node === undefined) return undefined;
  const negated = s.principalElement === 'NotPrincipal';
  if (node.wildcard) return { negated, entries: [{ kind: 'everyone' }] };
  const entries: PrincipalEntry[] = [];
  const take = (type: string, value: string, entry: PrincipalEntry | undefined) => {
    if (entry === undefined) throw policyFault(rules.dialect, 'invalid-principal', `"${type}":"${value}"`);
    entries.push(resolve(type, value, entry, rules));
  };
  for (const v of node.aws) take('AWS', v, classifyAwsPrincipal(v));
  for (const v of node.canonicalUser) take('CanonicalUser', v, rules.canonicalUser ? classifyCanonicalUser(v) : undefined);
  for (const v of node.service) take('Service', v, classifyService(v));
  for (const v of node.federated) take('Federated', v, rules.federated ? classifyFederated(v) : undefined);
  return { negated, entries };
}

function resolve(type: string, value: string, e: PrincipalEntry, rules: PrincipalRules): PrincipalEntry {
  if ((e.kind !== 'user' && e.kind !== 'role') || rules.resolvePrincipal === undefined) return e;
  const found = rules.resolvePrincipal({ kind: e.kind, arn: e.arn, accountId: e.accountId });
  if (found === undefined) throw policyFault(rules.dialect, 'invalid-principal', `"${type}":"${value}"`);
  return { ...e, uniqueId: found.uniqueId };
}
