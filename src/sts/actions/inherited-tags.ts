/**
 * Session tags through role chaining (AWS IAM guide, "Chaining roles with session tags"): tags
 * the caller's session marked transitive pass to the next session and stay transitive; the
 * request's own tags are added, and cannot replace an inherited key.
 */
import type { TemporarySession } from '../temporary-session.ts';
import type { SessionTag } from '../validation/read-sts-parameters.ts';

export function inheritedTags(
  callerSession: TemporarySession | undefined,
  requestTags: readonly SessionTag[],
  requestTransitive: readonly string[],
): { tags: SessionTag[]; transitiveTagKeys: string[] } {
  const transitive = new Set((callerSession?.transitiveTagKeys ?? []).map((k) => k.toLowerCase()));
  const inherited = (callerSession?.tags ?? []).filter((t) => transitive.has(t.key.toLowerCase()));
  const taken = new Set(inherited.map((t) => t.key.toLowerCase()));
  const tags = [...inherited, ...requestTags.filter((t) => !taken.has(t.key.toLowerCase()))];
  const keys = [...(callerSession?.transitiveTagKeys ?? []), ...requestTransitive.filter((k) => !transitive.has(k.toLowerCase()))];
  return { tags, transitiveTagKeys: keys };
}
