/**
 * A decoded POST policy document (../shared/spec/sigv2-and-post.md §4.3): when it expires and
 * the conditions every upload made with it must meet.
 */
export interface PostPolicy {
  /** epoch ms; the policy is refused from this instant on. */
  expiration: number;
  conditions: readonly PolicyCondition[];
}

export type PolicyCondition =
  | {
      kind: 'match';
      operator: 'eq' | 'starts-with';
      /** The form field tested, lower-cased, without its `$` (`key`, `content-type`, `bucket`). */
      field: string;
      value: string;
      /** The condition as AWS prints it when it fails: `["eq", "$key", "user/a"]`. */
      text: string;
    }
  | {
      kind: 'content-length-range';
      /** Inclusive byte bounds of the file; undefined when the policy's bounds are not integers. */
      bounds: { min: number; max: number } | undefined;
      text: string;
    };
