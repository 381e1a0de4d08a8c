/**
 * The ACL a PutBucketAcl / PutObjectAcl request asks for, in exactly one of three forms
 * (../shared/spec/policy-evaluation.md §8.2): `x-amz-acl`, `x-amz-grant-*` headers, or an
 * AccessControlPolicy body.
 *
 * - canned and grant headers together → 400 InvalidRequest (readAclHeaders);
 * - headers and a body together → 400 UnexpectedContent `This request does not support content`;
 * - neither → 400 MissingSecurityHeader with `<MissingHeaderName>x-amz-acl</MissingHeaderName>`.
 * The last two follow AWS-compatible implementations; the spec does not pin them.
 *
 * The body's Owner is read but not used: an ACL never changes who owns the resource.
 */
import type { AclGrant, AclOwner } from '../../../authz/acl/acl.ts';
import { expandCannedAcl } from '../../../authz/acl/canned-acl.ts';
import type { RequestedAclForm } from '../../../authz/acl/check-acl-setting.ts';
import { parseAccessControlPolicy } from '../../../authz/acl/parse-access-control-policy.ts';
import { readAclHeaders } from '../../../authz/acl/read-acl-headers.ts';
import { resolveGrantees } from '../../../authz/acl/resolve-grantees.ts';
import { S3Error } from '../../errors/s3-error.ts';
import type { HandlerContext } from '../handler-context.ts';
import { verifyDocumentDigests } from './verify-document-digests.ts';

export interface RequestedAcl {
  requested: RequestedAclForm;
  /** The grants the resource's ACL will hold. */
  grants: AclGrant[];
}

export async function requestedAcl(
  ctx: HandlerContext,
  target: { kind: 'bucket' | 'object'; owner: AclOwner; bucketOwner: AclOwner },
): Promise<RequestedAcl> {
  const headers = readAclHeaders(ctx.req.headers);
  const body = ctx.xml ?? Buffer.alloc(0);
  if (headers.kind !== 'none' && body.length > 0) throw new S3Error('UnexpectedContent', { reason: 'ACL headers and an ACL body' });
  if (headers.kind === 'none' && body.length === 0) {
    throw new S3Error('MissingSecurityHeader', { fields: [['MissingHeaderName', 'x-amz-acl']], reason: 'no ACL headers and no body' });
  }
  const directory = ctx.deps.accounts;
  switch (headers.kind) {
    case 'canned':
      return { requested: headers, grants: expandCannedAcl(headers.canned, target) };
    case 'grants': {
      const grants = await resolveGrantees(headers.grants, directory);
      return { requested: { kind: 'grants', grants }, grants };
    }
    case 'none': {
      verifyDocumentDigests(ctx, body);
      const grants = await resolveGrantees(parseAccessControlPolicy(body).grants, directory);
      return { requested: { kind: 'grants', grants }, grants };
    }
  }
}
