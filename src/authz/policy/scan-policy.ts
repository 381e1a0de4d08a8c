/**
 * One pass over a policy's statements of one effect: the first Deny that applies, or the Allow
 * that applies with the strongest grant (stopping at the first DIRECT one). Indexes, not
 * objects: nothing is allocated on this path.
 */
import type { CompiledPolicy } from './compiled-policy.ts';
import { DIRECT, NO_MATCH } from './match-principal.ts';
import { matchStatement, type StatementRequest } from './match-statement.ts';

/** Index of the first applicable Deny statement, or -1. */
export function firstDeny(policy: CompiledPolicy, r: StatementRequest): number {
  const statements = policy.statements;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.isDeny && matchStatement(s, r) !== NO_MATCH) return i;
  }
  return -1;
}

/** Index of the applicable Allow statement with the highest grant rank, or -1. */
export function bestAllow(policy: CompiledPolicy, r: StatementRequest): number {
  const statements = policy.statements;
  let best = -1;
  let bestRank: number = NO_MATCH;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.isDeny) continue;
    const rank = matchStatement(s, r);
    if (rank > bestRank) {
      best = i;
      bestRank = rank;
      if (rank === DIRECT) break;
    }
  }
  return best;
}
