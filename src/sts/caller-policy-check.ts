/**
 * The caller's own policies, through the policy engine (src/authz/policy/): do the user's or
 * role's identity policies allow `action` on the role — within its permissions boundary and the
 * session policies of the session it signs with (sts-iam.md §2.2, §3)? Asked when a trust
 * policy names the caller's account rather than the caller, and for cross-account calls. The
 * account root is never limited by identity policies. Policies are read from IAM at call time
 * (AWS evaluates a role's current policies); one that no longer parses grants nothing.
 */
import { isAccessAllowed, parseIdentityPolicy, parseSessionPolicy, RequestContext, type CompiledPolicy, type NamedPolicy } from '../authz/policy/index.ts';
import type { PolicyDocumentRef } from '../iam/iam-entities.ts';
import type { IamReader } from '../iam/iam-store.ts';
import type { CallerPolicyCheck } from './sts-deps.ts';

type Reader = Pick<IamReader, 'identityPolicies' | 'permissionsBoundary' | 'managedPolicyDocument'>;

export class EngineCallerPolicyCheck implements CallerPolicyCheck {
  readonly #iam: Reader;

  constructor(iam: Reader) {
    this.#iam = iam;
  }

  async allows(input: Parameters<CallerPolicyCheck['allows']>[0]): Promise<boolean> {
    const { principal, session } = input;
    if (principal.type === 'Account') return true;
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
    return isAccessAllowed({
      principal,
      action: input.action,
      resource: input.resource,
      context: RequestContext.from(input.context),
      // Judged as within the caller's account: only its own policies decide (the trust policy was evaluated already).
      resourceOwner: principal.account.accountId,
      identityPolicies,
      ...(permissionsBoundary !== undefined ? { permissionsBoundary } : {}),
      ...(sessionPolicies !== undefined ? { sessionPolicies } : {}),
    });
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
