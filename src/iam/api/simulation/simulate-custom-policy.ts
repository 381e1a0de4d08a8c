/**
 * SimulateCustomPolicy: how the policies given (`PolicyInputList`, required; a
 * `PermissionsBoundaryPolicyInputList` boundary; a `ResourcePolicy`) decide each action on each
 * resource, for the context entries given — no stored entity is read. The caller is `CallerArn`
 * (required with a resource policy), else a user of the caller's account. Decided by the
 * server's policy engine, like SimulatePrincipalPolicy.
 *
 * Authorized as `iam:SimulateCustomPolicy` on `*` (it names no IAM resource). Errors:
 * ValidationError (§1.2), InvalidInput, MalformedPolicyDocument.
 */
import { iamAction } from '../iam-action.ts';
import { checkSimulationParams, runSimulation } from './run-simulation.ts';
import { parseSimulationParams } from './simulation-params.ts';

export const simulateCustomPolicy = iamAction({
  action: 'SimulateCustomPolicy',
  iamAction: 'iam:SimulateCustomPolicy',
  parse: (input) => parseSimulationParams(input, { policyInputRequired: true }),
  resource: () => ({ kind: 'arn', arn: '*' }),
  async handle(i, { caller }) {
    checkSimulationParams(i);
    return runSimulation(i, undefined, caller);
  },
});
