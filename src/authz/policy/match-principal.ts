/**
 * Does a statement's Principal / NotPrincipal cover the caller, and how directly (§2.1, §7.3)?
 * The answer is a grant rank, because a same-account resource-policy Allow suffices on its own
 * only when it names the caller directly:
 *
 * - DIRECT: the IAM user's ARN (or unique id), the role session's ARN — no implicit deny
 *   blocks it;
 * - LIMITED: the role's ARN (a session of it), `*`, or a NotPrincipal that does not exempt the
 *   caller — permissions-boundary and session-policy implicit denies still block it (for `*`
 *   AWS documents nothing; treating it like a role grant is the cautious reading);
 * - ACCOUNT: the account (`123456789012`, `…:root`, its canonical id) — delegation: the
 *   account's identity policies must allow as well.
 *
 * NotPrincipal (§2.1): the statement applies unless every identity the caller has is listed —
 * for a user its ARN and its account, for a role session the session ARN, the role ARN and the
 * account, for the root user its account. Anonymous callers are exempt only by `*`.
 * Principal ARNs compare case-sensitively; a user/role entry resolved to a unique id when the
 * policy was stored matches that entity only (§1: a re-created namesake does not match).
 *
 * Web identities (evaluation-principal.ts; role trust policies only): `{"Federated": "<provider>"}`
 * naming the caller's identity provider exactly is DIRECT, `*` is LIMITED, nothing else matches
 * them; a NotPrincipal exempts them when it lists their provider (or `*`).
 */
import type { EvaluationPrincipal } from './evaluation-principal.ts';
import type { PrincipalEntry } from './principal-entry.ts';

export const NO_MATCH = 0;
export const VIA_ACCOUNT = 1;
export const LIMITED = 2;
export const DIRECT = 3;
export type GrantRank = typeof NO_MATCH | typeof VIA_ACCOUNT | typeof LIMITED | typeof DIRECT;

export interface PrincipalMatcher {
  readonly negated: boolean;
  readonly entries: readonly PrincipalEntry[];
}

export function matchPrincipal(m: PrincipalMatcher, principal: EvaluationPrincipal): GrantRank {
  if (m.negated) return isExempt(m.entries, principal) ? NO_MATCH : LIMITED;
  let best: GrantRank = NO_MATCH;
  for (let i = 0; i < m.entries.length; i++) {
    const rank = rankOf(m.entries[i]!, principal);
    if (rank > best) best = rank;
  }
  return best;
}

function rankOf(e: PrincipalEntry, p: EvaluationPrincipal): GrantRank {
  if (e.kind === 'everyone') return LIMITED;
  if (p.type === 'Anonymous') return NO_MATCH;
  if (p.type === 'WebIdentityUser') return e.kind === 'federated' && e.provider === p.provider ? DIRECT : NO_MATCH;
  switch (e.kind) {
    case 'account':
      return p.account.accountId === e.accountId ? VIA_ACCOUNT : NO_MATCH;
    case 'canonical-user':
      return p.account.canonicalId === e.id ? VIA_ACCOUNT : NO_MATCH;
    case 'user':
      if (p.type !== 'User') return NO_MATCH;
      return (e.uniqueId === undefined ? p.arn === e.arn : p.userId === e.uniqueId) ? DIRECT : NO_MATCH;
    case 'role':
      if (p.type !== 'AssumedRole') return NO_MATCH;
      return (e.uniqueId === undefined ? p.roleArn === e.arn : isRoleId(p.userId, e.uniqueId)) ? LIMITED : NO_MATCH;
    case 'session':
      return p.type === 'AssumedRole' && p.arn === e.arn ? DIRECT : NO_MATCH;
    case 'unique-id':
      if (p.type === 'User') return p.userId === e.id ? DIRECT : NO_MATCH;
      if (p.type === 'AssumedRole') return isRoleId(p.userId, e.id) ? LIMITED : NO_MATCH;
      return NO_MATCH;
    // Federated users and AWS services never call here; identity providers vouch only for web identities.
    case 'federated-user':
    case 'service':
    case 'federated':
      return NO_MATCH;
  }
}

/** A session's aws:userid is `AROA…:<session>`; the role's unique id is the part before `:`. */
function isRoleId(userId: string, roleId: string): boolean {
  return userId.length > roleId.length && userId.charCodeAt(roleId.length) === 0x3a && userId.startsWith(roleId);
}

function isExempt(entries: readonly PrincipalEntry[], p: EvaluationPrincipal): boolean {
  let everyone = false;
  let account = false;
  let self = false; // the user's own ARN / unique id; a web identity's provider
  let session = false;
  let role = false;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind === 'everyone') everyone = true;
    const rank = rankOf(e, p);
    if (rank === VIA_ACCOUNT) account = true;
    else if (rank === DIRECT) {
      if (e.kind === 'session') session = true;
      else self = true;
    } else if (rank === LIMITED && e.kind !== 'everyone') role = true;
  }
  if (everyone) return true;
  switch (p.type) {
    case 'Anonymous':
      return false;
    case 'Account':
      return account;
    case 'User':
      return account && self;
    case 'AssumedRole':
      return account && session && role;
    case 'WebIdentityUser':
      return self;
  }
}
