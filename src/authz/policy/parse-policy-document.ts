/**
 * Structural validation (policy-evaluation.md §1): the grammar, element types, exactly one of
 * each pair, Version, Effect. Faults are reported in document order, statement by statement,
 * and each statement's elements in a fixed order (syntax, Effect, Principal, Action, Resource,
 * Condition), so the first fault found is the one reported, as S3 does. Dialect rules (what a
 * principal or resource may be) come after, in validate-*.ts.
 */
import type { ConditionNode, Effect, PolicyDocument, PolicyVersion, PrincipalNode, StatementNode } from './policy-ast.ts';
import type { PolicyDialect } from './policy-dialect.ts';
import { policyFault } from './policy-dialect.ts';
import { JsonNumber, type JsonObject, type JsonValue } from './read-strict-json.ts';

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_TYPES = new Set(['AWS', 'CanonicalUser', 'Service', 'Federated']);
const VERSIONS: ReadonlySet<string> = new Set<PolicyVersion>(['2012-10-17', '2008-10-17']);

export function parsePolicyDocument(root: JsonObject, dialect: PolicyDialect): PolicyDocument {
  const syntax = () => policyFault(dialect, 'syntax');
  for (const key of root.keys()) if (!TOP_LEVEL.has(key)) throw syntax();
  const version = root.get('Version');
  if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) throw policyFault(dialect, 'version');
  const id = root.get('Id');
  if (id !== undefined && typeof id !== 'string') throw syntax();
  const body = root.get('Statement');
  if (body === undefined || body === null) throw policyFault(dialect, 'missing-statement');
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) throw policyFault(dialect, 'empty-statement');
  const statements = list.map((s, index) => {
    if (!(s instanceof Map)) throw syntax();
    return parseStatement(s, index, dialect);
  });
  return { version: version as PolicyVersion | undefined, id: id as string | undefined, statements };
}

function parseStatement(s: JsonObject, index: number, dialect: PolicyDialect): StatementNode {
  const syntax = () => policyFault(dialect, 'syntax');
  for (const key of s.keys()) if (!STATEMENT.has(key)) throw syntax();
  const both = (a: string, b: string) => s.has(a) && s.has(b);
  if (both('Principal', 'NotPrincipal') || both('Action', 'NotAction') || both('Resource', 'NotResource')) throw syntax();

  const sid = s.get('Sid');
  if (sid !== undefined && typeof sid !== 'string') throw syntax();

  const effect = s.get('Effect');
  if (effect === undefined) throw policyFault(dialect, 'missing-effect');
  if (typeof effect !== 'string') throw syntax();
  // Effect is case-sensitive (§1): "allow" is not "Allow".
  if (effect !== 'Allow' && effect !== 'Deny') throw policyFault(dialect, 'invalid-effect', effect);

  const principalElement = s.has('Principal') ? 'Principal' : s.has('NotPrincipal') ? 'NotPrincipal' : undefined;
  const principal = principalElement === undefined ? undefined : parsePrincipal(s.get(principalElement)!, dialect);

  const actionElement = s.has('NotAction') ? 'NotAction' : 'Action';
  const actionValue = s.get(actionElement);
  if (actionValue === undefined) throw policyFault(dialect, 'missing-action');
  const actions = stringList(actionValue, dialect);

  const resourceElement = s.has('Resource') ? 'Resource' : s.has('NotResource') ? 'NotResource' : undefined;
  const resources = resourceElement === undefined ? undefined : stringList(s.get(resourceElement)!, dialect);

  const condition = s.get('Condition');
  const conditions = condition === undefined ? [] : parseConditionBlock(condition, dialect);

  return {
    index,
    sid: sid as string | undefined,
    effect: effect as Effect,
    principal,
    principalElement,
    actions,
    actionElement,
    resources,
    resourceElement,
    conditions,
  };
}

/** A string or a non-empty array of strings (brackets optional, §1). */
function stringList(v: JsonValue, dialect: PolicyDialect): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[];
  throw policyFault(dialect, 'syntax');
}

function parsePrincipal(v: JsonValue, dialect: PolicyDialect): PrincipalNode {
  if (v === '*') return { wildcard: true };
  // A bare string other than "*" is not a principal form (§1 grammar).
  if (!(v instanceof Map) || v.size === 0) throw policyFault(dialect, 'invalid-principal', principalText(v));
  const lists: Record<string, string[]> = { AWS: [], CanonicalUser: [], Service: [], Federated: [] };
  for (const [type, value] of v) {
    if (!PRINCIPAL_TYPES.has(type)) throw policyFault(dialect, 'invalid-principal', `"${type}"`);
    if (typeof value === 'string') lists[type]!.push(value);
    else if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string')) lists[type]!.push(...(value as string[]));
    else throw policyFault(dialect, 'syntax');
  }
  return { wildcard: false, aws: lists.AWS!, canonicalUser: lists.CanonicalUser!, service: lists.Service!, federated: lists.Federated! };
}

function principalText(v: JsonValue): string {
  return typeof v === 'string' ? `"${v}"` : 'Principal';
}

/** `{operator: {key: value | [value…]}}` → one node per operator/key pair, values as text. */
function parseConditionBlock(v: JsonValue, dialect: PolicyDialect): ConditionNode[] {
  if (!(v instanceof Map)) throw policyFault(dialect, 'syntax');
  const out: ConditionNode[] = [];
  for (const [operator, keys] of v) {
    if (!(keys instanceof Map) || keys.size === 0) throw policyFault(dialect, 'syntax');
    for (const [key, raw] of keys) {
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0) throw policyFault(dialect, 'syntax');
      const values = list.map((x) => scalarText(x, dialect));
      out.push({ operator, key, values });
    }
  }
  return out;
}

/** JSON values may be strings, numbers or booleans; `true` ≡ `"true"` (§2.4). */
function scalarText(x: JsonValue, dialect: PolicyDialect): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  if (x instanceof JsonNumber) return x.raw;
  throw policyFault(dialect, 'syntax');
}
