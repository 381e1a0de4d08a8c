/**
 * One action on one resource, decided by the server's policy engine (evaluateAccess, the same
 * call the PolicyAuthorizer makes for a request) with the simulation's policies and context,
 * and the evidence a `ResourceSpecificResult` carries:
 *
 * - the decision (`allowed`, `explicitDeny`, `implicitDeny`) and the statements the engine says
 *   decided it (the Deny, or the Allows the decision rests on);
 * - `MissingContextValues`;
 * - `AllowedByPermissionsBoundary`: the boundary alone allows it (an Allow matches, no Deny);
 * - across accounts, `EvalDecisionDetails`: each side's decision — the identity side (identity
 *   policies and boundary, as within the caller's account) and the resource side (the resource
 *   policy, for a caller whose identity policies allow everything). [uncertain] the map's keys,
 *   `IAM Policy` and `Resource Policy`: AWS does not document them.
 */
import type { Principal } from '../../../auth/principal.ts';
import {
  evaluateAccess,
  isAccessAllowed,
  type AccessEvaluation,
  type CompiledPolicy,
  type NamedPolicy,
  type PolicyDecision,
  type RequestContext,
  type ResourcePolicy,
} from '../../../authz/policy/index.ts';
import { missingContextValues } from './missing-context-values.ts';
import type { SimulationPolicy } from './simulation-policies.ts';

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Simulations are about IAM users and role sessions: identity policies limit only them. */
export type SimulationPrincipal = Extract<Principal, { type: 'User' | 'AssumedRole' }>;

export interface SimulationSetup {
  /** Who calls: `CallerArn`, else the source user (or a session of the source role). */
  principal: SimulationPrincipal;
  identity: readonly SimulationPolicy[];
  boundary: SimulationPolicy | undefined;
  resourcePolicy: SimulationPolicy | undefined;
  context: RequestContext;
  /** The account owning resources whose ARN names none (S3's): `ResourceOwner`, else the caller's. */
  resourceOwner: string;
  /** `{"Effect":"Allow","Action":"*","Resource":"*"}`: stands in for the identity side. */
  allowAll: CompiledPolicy;
}

export interface MatchedStatement {
  source: SimulationPolicy;
  /** Index in the policy's Statement array. */
  index: number;
}

export interface PairResult {
  resource: string;
  decision: EvalDecision;
  matched: MatchedStatement[];
  missing: string[];
  /** Only across accounts. */
  details: Record<string, EvalDecision> | undefined;
  /** Only with a permissions boundary. */
  allowedByBoundary: boolean | undefined;
}

const DECISION: Record<PolicyDecision['effect'], EvalDecision> = { allow: 'allowed', 'explicit-deny': 'explicitDeny', 'implicit-deny': 'implicitDeny' };

export function simulatePair(setup: SimulationSetup, action: string, resource: string): PairResult {
  const { principal, context } = setup;
  const own = principal.account.accountId;
  const owner = resourceOwnerOf(resource, setup.resourceOwner);
  const named = new Map<string, SimulationPolicy>();
  const name = (p: SimulationPolicy): NamedPolicy => {
    const key = `#${named.size}`;
    named.set(key, p);
    return { name: key, policy: p.policy };
  };
  const identityPolicies = setup.identity.map(name);
  const permissionsBoundary = setup.boundary && name(setup.boundary);
  const resourcePolicy: ResourcePolicy | undefined = setup.resourcePolicy && { kind: 'bucket', name: name(setup.resourcePolicy).name, policy: setup.resourcePolicy.policy };

  const base: AccessEvaluation = { principal, action, resource, context, ...(owner !== undefined ? { resourceOwner: owner } : {}) };
  const input: AccessEvaluation = {
    ...base,
    identityPolicies,
    ...(permissionsBoundary ? { permissionsBoundary } : {}),
    ...(resourcePolicy ? { resourcePolicy } : {}),
  };
  const decision = evaluateAccess(input);
  // A managed policy both attached and the boundary is one statement to report, not two.
  const matched = new Map<string, MatchedStatement>();
  for (const ref of decision.statements) {
    const source = named.get(ref.policyName);
    if (source !== undefined) matched.set(statementKey({ source, index: ref.index }), { source, index: ref.index });
  }

  let details: Record<string, EvalDecision> | undefined;
  if (owner !== undefined && owner !== own) {
    const identitySide = evaluateAccess({ ...base, resourceOwner: own, identityPolicies, ...(permissionsBoundary ? { permissionsBoundary } : {}) });
    const resourceSide = resourcePolicy === undefined ? undefined : evaluateAccess({ ...base, identityPolicies: [{ name: 'allow-all', policy: setup.allowAll }], resourcePolicy });
    details = { 'IAM Policy': DECISION[identitySide.effect], 'Resource Policy': resourceSide === undefined ? 'implicitDeny' : DECISION[resourceSide.effect] };
  }
  const allowedByBoundary = permissionsBoundary === undefined ? undefined : isAccessAllowed({ ...base, resourceOwner: own, identityPolicies: [permissionsBoundary] });

  const policies = [...setup.identity, ...(setup.boundary ? [setup.boundary] : []), ...(setup.resourcePolicy ? [setup.resourcePolicy] : [])];
  return {
    resource,
    decision: DECISION[decision.effect],
    matched: [...matched.values()],
    missing: missingContextValues(input, policies.map((p) => p.policy)),
    details,
    allowedByBoundary,
  };
}

/** Statements are the same when their policy's id, type and position in it are. */
export function statementKey(m: MatchedStatement): string {
  return `${m.source.id}\u0000${m.source.type}\u0000${m.index}`;
}

/** `*` has no owner; an ARN with an account field names its owner; S3's ARNs do not. */
function resourceOwnerOf(resource: string, defaultOwner: string): string | undefined {
  if (resource === '*') return undefined;
  const account = resource.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : defaultOwner;
}
