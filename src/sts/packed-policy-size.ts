/**
 * PackedPolicySize (sts-iam.md §2.2, §3): AWS compresses session policies and tags into the token
 * and reports the share of a fixed allotment they use, failing with PackedPolicyTooLarge past
 * 100 % — even for a Policy under its 2,048-character limit. AWS's packing is not published; Coffer
 * deflates the minified policy, the policy ARNs and the tags and measures them against 2,048 bytes.
 * So the percentages are of the same order as AWS's but not the same numbers.
 */
import { deflateRawSync } from 'node:zlib';
import { QueryApiError } from '../query-api/query-error.ts';

const ALLOTMENT_BYTES = 2048;

export interface PackedInput {
  policy: string | undefined;
  policyArns: readonly string[];
  tags: ReadonlyArray<{ key: string; value: string }>;
  transitiveTagKeys: readonly string[];
}

/** The percentage, or undefined when nothing was sent (then the response has no PackedPolicySize). */
export function packedPolicySize(input: PackedInput): number | undefined {
  if (input.policy === undefined && input.policyArns.length === 0 && input.tags.length === 0) return undefined;
  const packed = JSON.stringify([minify(input.policy), input.policyArns, input.tags.map((t) => [t.key, t.value]), input.transitiveTagKeys]);
  const size = deflateRawSync(Buffer.from(packed, 'utf8'), { level: 9 }).length;
  return Math.ceil((size * 100) / ALLOTMENT_BYTES);
}

/** Throws PackedPolicyTooLarge past 100 %; returns the percentage otherwise. */
export function checkPackedPolicySize(input: PackedInput): number | undefined {
  const percent = packedPolicySize(input);
  if (percent !== undefined && percent > 100) {
    throw new QueryApiError(400, 'PackedPolicyTooLarge', `Packed policy consumes ${percent}% of allotted space`);
  }
  return percent;
}

function minify(policy: string | undefined): string {
  if (policy === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(policy));
  } catch {
    return policy;
  }
}
