/**
 * Block Public Access's test (§8.4): a resource policy is public unless every Allow statement
 * either names fixed principals (no `*`; a NotPrincipal counts as `*`) or is restricted by a
 * condition on a fixed value of one of the listed keys. A condition restricts only when it is
 * a positive operator without `…IfExists` and without `ForAllValues:`, on string/ARN values
 * with no wildcard and no variable, or on `aws:SourceIp` blocks of /8 or longer (IPv4) and /32
 * or longer (IPv6). Deny statements never make a policy public.
 */
import type { CompiledPolicy, CompiledStatement } from './compiled-policy.ts';
import type { CompiledCondition } from './conditions/compile-condition.ts';
import { parseCidr } from './conditions/parse-ip-address.ts';

const FIXING_KEYS = new Set(
  [
    'aws:SourceIp',
    'aws:SourceArn',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceOwner',
    'aws:SourceAccount',
    'aws:PrincipalOrgID',
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:userid',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
  ].map((k) => k.toLowerCase()),
);

export function isPublicPolicy(policy: Pick<CompiledPolicy, 'statements'>): boolean {
  return policy.statements.some((s) => !s.isDeny && isPublicStatement(s));
}

function isPublicStatement(s: CompiledStatement): boolean {
  const p = s.principal;
  if (p === undefined) return false;
  const wildcard = p.negated || p.entries.some((e) => e.kind === 'everyone');
  return wildcard && !s.conditions.some(restricts);
}

function restricts(c: CompiledCondition): boolean {
  const op = c.operator;
  if (!FIXING_KEYS.has(c.keyLower) || op.negated || op.ifExists || op.set === 'ForAllValues') return false;
  if (op.family === 'ip') {
    return c.node.values.every((v) => {
      const block = parseCidr(v);
      return block !== undefined && block.prefix >= (block.family === 4 ? 8 : 32);
    });
  }
  const textual = op.family === 'string' || op.family === 'string-ignore-case' || op.family === 'string-like' || op.family === 'arn';
  return textual && c.node.values.every((v) => !/[*?]|\$\{/.test(v));
}
