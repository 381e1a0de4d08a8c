/**
 * `PolicySourceArn`: the user, group or role of the caller's account whose stored policies a
 * SimulatePrincipalPolicy evaluates. For a user or role they are gathered exactly as the server
 * gathers them for a request (loadPrincipalPolicies over the IamReader: the user's inline and
 * attached policies and its groups', or the role's, each managed one at its default version,
 * and the permissions boundary); a policy that no longer compiles counts as none, as it does
 * there. The reader is watched while it answers, so that each compiled policy can be labelled
 * with where it came from (inline of a user, a group, a role; AWS or customer managed).
 *
 * A group is no principal, so no request is ever authorized with its policies alone; they are
 * read as IamReader reads a member's group policies: inline, then attached.
 */
import { PolicyCache } from '../../../authz/policy-cache.ts';
import { PolicyError, parseIdentityPolicy } from '../../../authz/policy/index.ts';
import { loadPrincipalPolicies, type IamPolicyReader } from '../../../authz/principal-policies.ts';
import { AWS_MANAGED_ACCOUNT, parseIamArn } from '../../iam-arns.ts';
import type { EntityKind, PolicyDocumentRef } from '../../iam-entities.ts';
import { invalidInput, noSuchEntity } from '../../iam-error.ts';
import type { IamStore } from '../../iam-store.ts';
import type { IamCaller } from '../iam-action.ts';
import type { SimulationPrincipal } from './simulate-pair.ts';
import { simulationPolicy, type SimulationPolicy } from './simulation-policies.ts';

/** The session name a simulated role acts under (roles make requests through sessions). */
export const SIMULATION_SESSION = 'SimulatePrincipalPolicy';

export interface PolicySource {
  kind: EntityKind;
  /** The user, a session of the role, or (a group) a stand-in member named after the group. */
  principal: SimulationPrincipal;
  identity: SimulationPolicy[];
  boundary: SimulationPolicy | undefined;
}

/** Throws InvalidInput (not a user, group or role ARN), NoSuchEntity (not one of this account's). */
export async function loadPolicySource(arn: string, store: IamStore, caller: IamCaller): Promise<PolicySource> {
  const parsed = parseIamArn(arn);
  if (parsed === undefined || parsed.accountId === AWS_MANAGED_ACCOUNT || !['user', 'group', 'role'].includes(parsed.type)) {
    throw invalidInput(`Invalid PolicySourceArn: ${arn} is not the ARN of an IAM user, group or role.`);
  }
  const kind = parsed.type as EntityKind;
  const notFound = noSuchEntity(kind, parsed.name);
  if (parsed.accountId !== caller.account.accountId) throw notFound;
  const account = caller.account;
  const cache = new PolicyCache();

  if (kind === 'group') {
    const group = await store.groups.get(account.accountId, parsed.name);
    if (group === undefined || group.arn !== arn) throw notFound;
    const principal: SimulationPrincipal = { type: 'User', account, arn: group.arn, userName: group.groupName, userId: group.groupId };
    return { kind, principal, identity: await groupPolicies(store, account.accountId, group.groupName, cache), boundary: undefined };
  }

  let principal: SimulationPrincipal;
  if (kind === 'user') {
    const user = await store.getUser(account.accountId, parsed.name);
    if (user === undefined || user.arn !== arn) throw notFound;
    principal = { type: 'User', account, arn: user.arn, userName: user.userName, userId: user.userId };
  } else {
    const role = await store.getRoleByArn(arn);
    if (role === undefined) throw notFound;
    principal = {
      type: 'AssumedRole',
      account,
      arn: `arn:aws:sts::${account.accountId}:assumed-role/${role.roleName}/${SIMULATION_SESSION}`,
      roleArn: role.arn,
      roleName: role.roleName,
      userId: `${role.roleId}:${SIMULATION_SESSION}`,
      sessionName: SIMULATION_SESSION,
    };
  }

  // The server's own gathering, watched: the refs it read label the policies it compiled.
  const read: PolicyDocumentRef[] = [];
  let boundaryRef: PolicyDocumentRef | undefined;
  const watched: IamPolicyReader = {
    identityPolicies: async (p) => {
      const refs = await store.identityPolicies(p);
      read.push(...refs);
      return refs;
    },
    permissionsBoundary: async (p) => (boundaryRef = await store.permissionsBoundary(p)),
    managedPolicyDocument: (accountId, policyArn) => store.managedPolicyDocument(accountId, policyArn),
  };
  const loaded = await loadPrincipalPolicies(principal, undefined, watched, cache);

  // Policies that did not compile were left out: pair the rest with their refs, in order.
  const identity: SimulationPolicy[] = [];
  let r = 0;
  for (const named of loaded.identityPolicies) {
    while (r < read.length && read[r]!.document !== named.policy.text) r++;
    const ref = read[r++];
    identity.push(ref === undefined ? simulationPolicy(named.name, 'none', named.policy) : labelled(ref, named.policy));
  }
  const b = loaded.permissionsBoundary;
  const boundary = b === undefined ? undefined : boundaryRef !== undefined ? labelled(boundaryRef, b.policy) : simulationPolicy(b.name, 'none', b.policy);
  return { kind, principal, identity, boundary };
}

async function groupPolicies(store: IamStore, accountId: string, groupName: string, cache: PolicyCache): Promise<SimulationPolicy[]> {
  const owner = { kind: 'group' as const, accountId, name: groupName };
  const refs: PolicyDocumentRef[] = [];
  for (const policyName of await store.inlinePolicies.list(owner)) {
    const document = await store.inlinePolicies.get(owner, policyName);
    if (document !== undefined) refs.push({ source: 'inline', owner: 'group', ownerName: groupName, policyName, document });
  }
  for (const attached of await store.attachments.listAttached(owner)) {
    const ref = await store.managedPolicyDocument(accountId, attached.policyArn);
    if (ref !== undefined) refs.push(ref);
  }
  return refs.flatMap((ref) => {
    const policy = cache.get('identity', ref.document, parseIdentityPolicy);
    return policy instanceof PolicyError ? [] : [labelled(ref, policy)];
  });
}

function labelled(ref: PolicyDocumentRef, policy: SimulationPolicy['policy']): SimulationPolicy {
  if (ref.source === 'inline') return simulationPolicy(ref.policyName, ref.owner, policy);
  const awsManaged = parseIamArn(ref.policyArn)?.accountId === AWS_MANAGED_ACCOUNT;
  return simulationPolicy(ref.policyArn.slice(ref.policyArn.lastIndexOf('/') + 1), awsManaged ? 'aws-managed' : 'user-managed', policy);
}
