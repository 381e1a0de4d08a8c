/**
 * A stored bucket policy compiled for evaluation. Its IAM user and role ARNs mean the entities
 * they named when the policy was stored — their unique ids, kept beside the text — so a user
 * deleted and created again under the same name is not the one the policy speaks of, as on AWS
 * (policy-evaluation.md §1). A policy stored without ids (before Coffer kept them) matches by ARN.
 */
import type { BucketConfigs } from '../storage/types.ts';
import { parseBucketPolicy, type CompiledPolicy, type ResolvePrincipal } from './policy/index.ts';

export function compileStoredBucketPolicy(stored: BucketConfigs['policy'], bucket: string): CompiledPolicy {
  if (stored.principalIds === undefined) return parseBucketPolicy(stored.text, { bucket });
  return parseBucketPolicy(stored.text, { bucket, resolvePrincipal: principalResolver(new Map(Object.entries(stored.principalIds))) });
}

/** ARN → unique id; an ARN without one is refused (`Invalid principal in policy`). */
export function principalResolver(ids: ReadonlyMap<string, string>): ResolvePrincipal {
  return (ref) => {
    const uniqueId = ids.get(ref.arn);
    return uniqueId === undefined ? undefined : { uniqueId };
  };
}
