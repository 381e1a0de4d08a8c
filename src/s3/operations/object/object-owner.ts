/**
 * Who owns a newly written object. With ACLs disabled (BucketOwnerEnforced, the default) the
 * bucket owner owns everything; issue-4 ownership modes refine this.
 */
import type { Owner } from '../../../storage/types.ts';
import { bucketOf, type HandlerContext } from '../handler-context.ts';

export function objectOwner(ctx: HandlerContext): Owner {
  return bucketOf(ctx).owner;
}
