/**
 * The policies a simulation evaluates, each compiled by the server's policy engine and labelled
 * the way a result's `MatchedStatements` name them (`SourcePolicyId`, `SourcePolicyType` of the
 * IAM model's `Statement`):
 *
 * - stored inline policies: the policy name, type `user`, `group` or `role`;
 * - stored managed policies (and a stored permissions boundary): the policy name,
 *   `aws-managed` or `user-managed`;
 * - `PolicyInputList.N` / `PermissionsBoundaryPolicyInputList.N`: that id, type `none`;
 * - `ResourcePolicy`: that id, type `resource`.
 *
 * [uncertain] the ids of stored policies: AWS's examples show only input lists and a user's
 * own inline policy (by name); group inline policies are named the same way here.
 *
 * The resource policy is compiled as what Coffer has resource policies for — a bucket policy,
 * with S3's rules. AWS: "it must be applicable to all of the resources included in the
 * simulation or you receive an invalid input error"; here: it must be a valid bucket policy of
 * the bucket of every resource simulated.
 */
import { PolicyError, parseBucketPolicy, parseIdentityPolicy, type CompiledPolicy } from '../../../authz/policy/index.ts';
import { IamError, invalidInput } from '../../iam-error.ts';
import { statementPositions, type StatementSpan } from './statement-positions.ts';

export type PolicySourceType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

export interface SimulationPolicy {
  /** `SourcePolicyId`. */
  readonly id: string;
  /** `SourcePolicyType`. */
  readonly type: PolicySourceType;
  readonly policy: CompiledPolicy;
  /** Where each statement sits in the text, when that could be worked out. */
  readonly positions: readonly StatementSpan[] | undefined;
}

export function simulationPolicy(id: string, type: PolicySourceType, policy: CompiledPolicy): SimulationPolicy {
  return { id, type, policy, positions: statementPositions(policy.text) };
}

/** `PolicyInputList` / `PermissionsBoundaryPolicyInputList`: identity policies. Throws MalformedPolicyDocument. */
export function inputPolicies(list: readonly string[], name: 'PolicyInputList' | 'PermissionsBoundaryPolicyInputList'): SimulationPolicy[] {
  return list.map((text, i) => simulationPolicy(`${name}.${i + 1}`, 'none', compile(() => parseIdentityPolicy(text))));
}

const S3_RESOURCE = /^arn:aws:s3:::([^/]+)/;

/**
 * `ResourcePolicy` as a bucket policy of every bucket the resources name (the policy's own
 * first bucket, or any bucket, when they are all `*`). Throws MalformedPolicyDocument (with
 * S3's words) for a policy no bucket could have, InvalidInput for one that does not apply to a
 * simulated bucket or for resources that are not S3's.
 */
export function resourcePolicy(text: string, resources: readonly string[]): SimulationPolicy {
  const buckets = new Set<string>();
  for (const r of resources) {
    if (r === '*') continue;
    const bucket = S3_RESOURCE.exec(r)?.[1];
    if (bucket === undefined) throw invalidInput(`The resource policy cannot be simulated for ${r}: Coffer simulates resource policies of S3 buckets and objects only.`);
    buckets.add(bucket);
  }
  if (buckets.size === 0) buckets.add(/"arn:aws:s3:::([^/"*?$\\]+)/.exec(text)?.[1] ?? 'any-bucket');
  let compiled: CompiledPolicy | undefined;
  for (const bucket of buckets) {
    try {
      compiled = parseBucketPolicy(text, { bucket });
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      if (e.fault === 'invalid-resource' || e.fault === 'action-resource-mismatch') {
        // The statements cannot all be about this bucket: valid for some other bucket, perhaps.
        throw invalidInput(`The resource policy is not applicable to arn:aws:s3:::${bucket}: ${e.message}`);
      }
      throw new IamError('MalformedPolicyDocument', e.message);
    }
  }
  return simulationPolicy('ResourcePolicy', 'resource', compiled!);
}

function compile(parse: () => CompiledPolicy): CompiledPolicy {
  try {
    return parse();
  } catch (e) {
    if (e instanceof PolicyError) throw new IamError(e.code === 'LimitExceeded' ? 'LimitExceeded' : 'MalformedPolicyDocument', e.message);
    throw e;
  }
}
