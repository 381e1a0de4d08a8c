/**
 * SimulatePrincipalPolicy: how the stored policies of a user (with its groups'), group or role
 * of this account — plus any `PolicyInputList` policies, a `PermissionsBoundaryPolicyInputList`
 * boundary in place of the entity's own, and a `ResourcePolicy` — decide each action on each
 * resource, for the context entries given. Decided by the server's policy engine, with the
 * policies gathered as the server gathers them for a request (policy-source.ts).
 *
 * Authorized as `iam:SimulatePrincipalPolicy` on the PolicySourceArn. Errors: ValidationError
 * (§1.2), InvalidInput, MalformedPolicyDocument, NoSuchEntity for an entity this account lacks.
 */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';
import { loadPolicySource } from './policy-source.ts';
import { checkSimulationParams, runSimulation } from './run-simulation.ts';
import { parseSimulationParams } from './simulation-params.ts';

export const simulatePrincipalPolicy = iamAction({
  action: 'SimulatePrincipalPolicy',
  iamAction: 'iam:SimulatePrincipalPolicy',
  parse: (input) => {
    const policySourceArn = input.required('PolicySourceArn', IAM.arn);
    return { policySourceArn, ...parseSimulationParams(input, { policyInputRequired: false }) };
  },
  resource: (i) => ({ kind: 'arn', arn: i.policySourceArn }),
  async handle(i, { store, caller }) {
    checkSimulationParams(i);
    const source = await loadPolicySource(i.policySourceArn, store, caller);
    return runSimulation(i, source, caller);
  },
});
