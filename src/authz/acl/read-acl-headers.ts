/**
 * The ACL a request sets through its headers: a canned `x-amz-acl`, or `x-amz-grant-*` grants, or
 * nothing. Both together → 400 InvalidRequest `Specifying both Canned ACLs and Header Grants is not
 * allowed` [AWS] (../shared/spec/policy-evaluation.md §8.2).
 */
import { invalidRequest } from '../../s3/errors/s3-error.ts';
import type { AclGrant } from './acl.ts';
import { parseCannedAcl, type CannedAcl } from './canned-acl.ts';
import { hasGrantHeaders, parseGrantHeaders, type HeaderSource } from './parse-grant-headers.ts';

export type AclHeaders =
  | { kind: 'none' }
  | { kind: 'canned'; canned: CannedAcl }
  /** Grants as written (e-mail grantees not yet resolved). */
  | { kind: 'grants'; grants: AclGrant[] };

export function readAclHeaders(headers: HeaderSource): AclHeaders {
  const canned = headers.get('x-amz-acl');
  const grants = hasGrantHeaders(headers);
  if (canned !== undefined && grants) throw invalidRequest('Specifying both Canned ACLs and Header Grants is not allowed');
  if (canned !== undefined) return { kind: 'canned', canned: parseCannedAcl(canned) };
  if (grants) return { kind: 'grants', grants: parseGrantHeaders(headers) };
  return { kind: 'none' };
}
