/**
 * The caller's own policies read from IAM and compiled by the policy engine: the user's or role's
 * identity policies, its permissions boundary, and the session policies of the session it signs
 * with (sts-iam.md §2.2, §3) — the identity side of an AssumeRole decision
 * (trust-policy/authorize-role-assumption.ts). The account root has none: identity policies
 * never limit it. Policies are read at call time (AWS evaluates a role's current policies); one
 * that no longer parses grants nothing, and a session policy ARN that no longer exists leaves
 * session policies that allow nothing.
 */
import { parseIdentityPolicy, parseSessionPolicy, type CompiledPolicy, type NamedPolicy } from '../authz/policy/index.ts';
import type { PolicyDocumentRef } from '../iam/iam-entities.ts';
import type { IamReader } from '../iam/iam-store.ts';
import type { CallerPolicies, CallerPolicySet } from './sts-deps.ts';

type Reader = Pick<IamReader, 'identityPolicies' | 'permissionsBoundary' | 'managedPolicyDocument'>;

export class IamCallerPolicies implements CallerPolicies {
  readonly #iam: Reader;

  constructor(iam: Reader) {
    this.#iam = iam;
  }

  async load({ principal, session }: Parameters<CallerPolicies['load']>[0]): Promise<CallerPolicySet> {
    if (principal.type === 'Account') return { identityPolicies: [] };
    const owner = principal.type === 'User' ? { userId: principal.userId } : { roleId: principal.userId.slice(0, principal.userId.indexOf(':')) };
    const identityPolicies = named(await this.#iam.identityPolicies(owner), parseIdentityPolicy);
    const boundaryRef = await this.#iam.permissionsBoundary(owner);
    const permissionsBoundary = boundaryRef === undefined ? undefined : named([boundaryRef], parseIdentityPolicy)[0];
    let sessionPolicies: NamedPolicy[] | undefined;
    if (session !== undefined && (session.policy !== undefined || session.policyArns.length > 0)) {
      sessionPolicies = [];
      if (session.policy !== undefined) sessionPolicies.push(...compile('session policy', session.policy, parseSessionPolicy));
      for (const arn of session.policyArns) {
        const ref = await this.#iam.managedPolicyDocument(principal.account.accountId, arn);
        if (ref !== undefined) sessionPolicies.push(...named([ref], parseIdentityPolicy));
      }
    }
    return {
      identityPolicies,
      ...(permissionsBoundary !== undefined ? { permissionsBoundary } : {}),
      ...(sessionPolicies !== undefined ? { sessionPolicies } : {}),
    };
  }
}

function named(refs: readonly PolicyDocumentRef[], parse: (text: string) => CompiledPolicy): NamedPolicy[] {
  return refs.flatMap((ref) => compile(ref.source === 'inline' ? ref.policyName : ref.policyArn, ref.document, parse));
}

function compile(name: string, text: string, parse: (text: string) => CompiledPolicy): NamedPolicy[] {
  try {
    return [{ name, policy: parse(text) }];
  } catch {
    return [];
  }
}
