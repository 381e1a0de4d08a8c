/**
 * How long a role session lasts (sts-iam.md §2.2 "Duration rules"): DurationSeconds, default
 * 3600. Past the role's MaxSessionDuration → ValidationError `The requested DurationSeconds
 * exceeds the MaxSessionDuration set for this role.`; the model's 900–43200 bounds are checked
 * earlier, with the other parameters, and win. Role chaining (the caller is itself a role
 * session) caps it at one hour → `… exceeds the 1 hour session limit for roles assumed by role
 * chaining.` Which of the two AWS reports when both apply is not known; here the role's own
 * maximum is checked first.
 */
import { exceedsMaxSessionDuration, exceedsRoleChainingLimit } from './sts-errors.ts';

export const ROLE_SESSION = { min: 900, max: 43_200, default: 3600 } as const;
export const ROLE_CHAINING_MAX = 3600;

export function roleSessionDuration(input: { requested: number | undefined; maxSessionDuration: number; roleChained: boolean }): number {
  const duration = input.requested ?? ROLE_SESSION.default;
  if (duration > input.maxSessionDuration) throw exceedsMaxSessionDuration();
  if (input.roleChained && duration > ROLE_CHAINING_MAX) throw exceedsRoleChainingLimit();
  return duration;
}
