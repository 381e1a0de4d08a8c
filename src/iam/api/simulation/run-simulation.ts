/**
 * What SimulatePrincipalPolicy and SimulateCustomPolicy do once their parameters are read and
 * the call authorized: check the inputs the model's shapes cannot (InvalidInput), compile the
 * given policies (MalformedPolicyDocument), settle who calls and who owns the resources, then
 * decide each action on each resource with the policy engine and write the result.
 *
 * [uncertain] AWS's words for the InvalidInput cases below; the cases themselves follow the
 * API reference: action names carry a service prefix and no wildcard; resources are ARNs or
 * `*`; `ResourceOwner` is an account's `arn:aws:iam::<id>:root`; `CallerArn` is an IAM user
 * (a role is taken too, as a session of it); one permissions boundary at most; a resource
 * policy needs a caller its Principal can be matched against.
 */
import { parseIdentityPolicy } from '../../../authz/policy/index.ts';
import { parseIamArn } from '../../iam-arns.ts';
import { invalidInput } from '../../iam-error.ts';
import type { IamCaller, IamResult } from '../iam-action.ts';
import { SIMULATION_SESSION, type PolicySource } from './policy-source.ts';
import { simulateActions } from './simulate-actions.ts';
import type { SimulationPrincipal, SimulationSetup } from './simulate-pair.ts';
import { simulationContext } from './simulation-context.ts';
import type { SimulationParams } from './simulation-params.ts';
import { inputPolicies, resourcePolicy } from './simulation-policies.ts';
import { simulationResultXml } from './simulation-xml.ts';

const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
const ARN = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+$/s;

/** The checks that need no store; run before anything is read. */
export function checkSimulationParams(params: SimulationParams): void {
  for (const action of params.actionNames) {
    if (!/^[A-Za-z0-9-]+:[^:]+$/.test(action)) throw invalidInput(`Invalid action name ${action}: it must be <service>:<action>, for example s3:GetObject.`);
    if (/[*?]/.test(action)) throw invalidInput(`Invalid action name ${action}: wildcards are not supported in action names.`);
  }
  for (const resource of params.resourceArns ?? []) {
    if (resource !== '*' && !ARN.test(resource)) throw invalidInput(`Invalid resource ${resource}: it must be an ARN or *.`);
  }
  if (params.resourceOwner !== undefined) resourceOwnerAccount(params.resourceOwner);
  if (params.permissionsBoundaryPolicyInputList.length > 1) throw invalidInput('Only one permissions boundary policy may be simulated.');
}

/**
 * Runs the simulation. `source`: SimulatePrincipalPolicy's entity and its stored policies;
 * undefined for SimulateCustomPolicy, whose caller is `CallerArn` or a user of the caller's account.
 */
export function runSimulation(params: SimulationParams, source: PolicySource | undefined, caller: IamCaller): IamResult {
  const identity = inputPolicies(params.policyInputList, 'PolicyInputList');
  const boundaryInputs = inputPolicies(params.permissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList');
  const context = simulationContext(params.contextEntries);

  // Whom a resource policy's Principal is matched against: CallerArn, else the source user.
  const explicitCaller = params.callerArn === undefined ? undefined : callerPrincipal(params.callerArn, caller);
  const matchable = explicitCaller ?? (source?.kind === 'user' ? source.principal : undefined);
  if (params.resourcePolicy !== undefined && matchable === undefined) {
    throw invalidInput(
      source === undefined
        ? 'CallerArn is required when a ResourcePolicy is simulated.'
        : 'CallerArn is required when a ResourcePolicy is simulated and the PolicySourceArn is not an IAM user.',
    );
  }
  const principal = explicitCaller ?? source?.principal ?? customCaller(caller);

  const setup: SimulationSetup = {
    principal,
    identity: [...(source?.identity ?? []), ...identity],
    // A boundary given replaces the entity's own: an entity has one boundary at a time.
    boundary: boundaryInputs[0] ?? source?.boundary,
    resourcePolicy: params.resourcePolicy === undefined ? undefined : resourcePolicy(params.resourcePolicy, params.resourceArns ?? ['*']),
    context,
    resourceOwner: params.resourceOwner !== undefined ? resourceOwnerAccount(params.resourceOwner) : principal.account.accountId,
    allowAll: parseIdentityPolicy(ALLOW_ALL),
  };
  return simulationResultXml(simulateActions(setup, params.actionNames, params.resourceArns), params);
}

/** `arn:aws:iam::<id>:root` (or the bare 12-digit id) → the account id. Throws InvalidInput. */
function resourceOwnerAccount(owner: string): string {
  const m = /^(?:arn:aws:iam::(\d{12}):root|(\d{12}))$/.exec(owner);
  if (m === null) throw invalidInput(`Invalid ResourceOwner ${owner}: it must be an account ARN, arn:aws:iam::<account id>:root.`);
  return m[1] ?? m[2]!;
}

/**
 * `CallerArn`, made from its ARN (the simulated caller need not exist, as simulated resources
 * need not): an IAM user, or a session of a role. Its account is the caller's own when the ARN
 * names it. Throws InvalidInput for anything else.
 */
function callerPrincipal(arn: string, caller: IamCaller): SimulationPrincipal {
  const parsed = parseIamArn(arn);
  if (parsed === undefined || !/^\d{12}$/.test(parsed.accountId) || (parsed.type !== 'user' && parsed.type !== 'role')) {
    throw invalidInput(`Invalid CallerArn ${arn}: it must be the ARN of an IAM user.`);
  }
  const account =
    parsed.accountId === caller.account.accountId ? caller.account : { accountId: parsed.accountId, canonicalId: '', displayName: parsed.accountId, email: '' };
  if (parsed.type === 'user') return { type: 'User', account, arn, userName: parsed.name, userId: stableId('AIDA', arn) };
  return {
    type: 'AssumedRole',
    account,
    arn: `arn:aws:sts::${parsed.accountId}:assumed-role/${parsed.name}/${SIMULATION_SESSION}`,
    roleArn: arn,
    roleName: parsed.name,
    userId: `${stableId('AROA', arn)}:${SIMULATION_SESSION}`,
    sessionName: SIMULATION_SESSION,
  };
}

/** SimulateCustomPolicy without CallerArn: the policies belong to some user of the caller's account. */
function customCaller(caller: IamCaller): SimulationPrincipal {
  const arn = `arn:aws:iam::${caller.account.accountId}:user/SimulateCustomPolicy`;
  return { type: 'User', account: caller.account, arn, userName: 'SimulateCustomPolicy', userId: stableId('AIDA', arn) };
}

/** A unique-id-shaped stand-in: Principal entries compiled from ARNs match by ARN, not by id. */
function stableId(prefix: string, arn: string): string {
  let h = 0;
  for (let i = 0; i < arn.length; i++) h = (Math.imul(h, 31) + arn.charCodeAt(i)) >>> 0;
  return prefix + h.toString(16).toUpperCase().padStart(17, '0');
}
