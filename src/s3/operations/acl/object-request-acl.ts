/**
 * The owner and ACL of an object a request creates (PutObject, CopyObject,
 * CreateMultipartUpload; POST Object passes its form fields as `headers`), with the refusals of
 * resolveRequestAcl. Call it before reading the body: AWS refuses these without reading it.
 */
import type { Authentication } from '../../../auth/authentication.ts';
import { resolveRequestAcl, type RequestAcl } from '../../../authz/acl/resolve-request-acl.ts';
import type { HeaderSource } from '../../../authz/acl/parse-grant-headers.ts';
import type { Owner } from '../../../storage/types.ts';
import { bucketOf, type HandlerContext } from '../handler-context.ts';
import { bucketAclSettings } from './bucket-acl-settings.ts';

export async function objectRequestAcl(ctx: HandlerContext, headers: HeaderSource = ctx.req.headers): Promise<RequestAcl> {
  const bucket = bucketOf(ctx);
  const settings = await bucketAclSettings(ctx.deps.metadata, bucket.name);
  return resolveRequestAcl({
    headers,
    kind: 'object',
    ownership: settings.ownership,
    publicAccessBlock: settings.publicAccessBlock,
    writer: writerOf(ctx.auth),
    bucketOwner: bucket.owner,
    accounts: ctx.deps.accounts,
  });
}

/** The account a signed request writes as (objects are owned by accounts, not IAM users). */
export function writerOf(auth: Authentication): Owner | undefined {
  if (auth.kind !== 'signed') return undefined;
  const { accountId, canonicalId, displayName } = auth.principal.account;
  return { accountId, canonicalId, displayName };
}
