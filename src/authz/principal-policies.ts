/**
 * The identity side of a decision for one principal: its identity-based policies (an IAM
 * user's own and its groups', or a role's), its permissions boundary, and the session policies
 * of the temporary credentials it signed with (sts-iam.md §3). Read from IAM at request time —
 * AWS evaluates a role's current policies — and compiled once per text through the cache.
 */
import type { SignedAuthentication } from '../auth/authentication.ts';
import type { Principal } from '../auth/principal.ts';
import type { PolicyDocumentRef } from '../iam/iam-entities.ts';
import type { IamReader } from '../iam/iam-store.ts';
import { temporarySessionOf } from '../sts/temporary-session.ts';
import { PolicyError, parseIdentityPolicy, parseSessionPolicy, type CompiledPolicy, type NamedPolicy } from './policy/index.ts';
import type { PolicyCache } from './policy-cache.ts';

export type IamPolicyReader = Pick<IamReader, 'identityPolicies' | 'permissionsBoundary' | 'managedPolicyDocument'>;

export interface PrincipalPolicies {
  identityPolicies: NamedPolicy[];
  permissionsBoundary: NamedPolicy | undefined;
  /** Undefined: the session has no session policies (no limit). */
  sessionPolicies: NamedPolicy[] | undefined;
}

const NONE: PrincipalPolicies = { identityPolicies: [], permissionsBoundary: undefined, sessionPolicies: undefined };

export async function loadPrincipalPolicies(
  principal: Principal,
  credential: SignedAuthentication['credential'] | undefined,
  iam: IamPolicyReader | undefined,
  cache: PolicyCache,
): Promise<PrincipalPolicies> {
  // The root user is not limited by identity policies; anonymous callers have none.
  if (iam === undefined || principal.type === 'Anonymous' || principal.type === 'Account') return NONE;
  const owner = principal.type === 'User' ? { userId: principal.userId } : { roleId: principal.userId.slice(0, principal.userId.indexOf(':')) };
  const [refs, boundaryRef] = await Promise.all([iam.identityPolicies(owner), iam.permissionsBoundary(owner)]);
  const identityPolicies = refs.length === 0 ? [] : refs.flatMap((ref) => named(ref, cache));
  const permissionsBoundary = boundaryRef === undefined ? undefined : named(boundaryRef, cache)[0];

  let sessionPolicies: NamedPolicy[] | undefined;
  const session = temporarySessionOf(credential);
  if (session !== undefined && (session.policy !== undefined || session.policyArns.length > 0)) {
    sessionPolicies = [];
    if (session.policy !== undefined) sessionPolicies.push(...compiled('session policy', session.policy, 'session', parseSessionPolicy, cache));
    for (const arn of session.policyArns) {
      const ref = await iam.managedPolicyDocument(principal.account.accountId, arn);
      // A session policy ARN that no longer resolves allows nothing (still an intersection).
      if (ref !== undefined) sessionPolicies.push(...named(ref, cache));
    }
  }
  return { identityPolicies, permissionsBoundary, sessionPolicies };
}

function named(ref: PolicyDocumentRef, cache: PolicyCache): NamedPolicy[] {
  const name = ref.source === 'inline' ? `${ref.ownerName}/${ref.policyName}` : ref.policyArn;
  const policy = cache.getFor(ref, 'identity', ref.document, parseIdentityPolicy);
  return policy instanceof PolicyError ? [] : [{ name, policy }];
}

function compiled(name: string, text: string, dialect: string, parse: (text: string) => CompiledPolicy, cache: PolicyCache): NamedPolicy[] {
  const policy = cache.get(dialect, text, parse);
  return policy instanceof PolicyError ? [] : [{ name, policy }];
}
