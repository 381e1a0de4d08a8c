import type { Tag } from '../iam-entities.ts';
import { invalidInput } from '../iam-error.ts';

/** [AWS] Tag keys are unique per resource, compared case-insensitively. */
export function checkTags(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    const key = t.key.toLowerCase();
    if (seen.has(key)) throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(key);
  }
}
