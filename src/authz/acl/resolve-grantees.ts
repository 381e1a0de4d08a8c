/**
 * Grantees named by canonical id or e-mail, checked against the accounts Coffer knows, as S3 does
 * when an ACL is set: an e-mail becomes that account's CanonicalUser grant (AWS stores and shows
 * it so), a canonical id gets its display name; an unknown e-mail is 400
 * UnresolvableGrantByEmailAddress, an unknown id 400 InvalidArgument `Invalid id` (AWS error
 * table; ceph/s3-tests test_bucket_acl_grant_nonexist_user expects the 400 InvalidArgument).
 */
import type { Account } from '../../auth/principal.ts';
import { S3Error, invalidArgument } from '../../s3/errors/s3-error.ts';
import type { AclGrant } from './acl.ts';

/** Account lookups (the identity store provides both). */
export interface AccountDirectory {
  findAccountByCanonicalId(canonicalId: string): Promise<Account | undefined>;
  findAccountByEmail(email: string): Promise<Account | undefined>;
}

/**
 * Without a directory, well-formed canonical ids are taken as they are and e-mail grants cannot
 * be resolved.
 */
export async function resolveGrantees(grants: readonly AclGrant[], directory: AccountDirectory | undefined): Promise<AclGrant[]> {
  const out: AclGrant[] = [];
  for (const grant of grants) {
    const g = grant.grantee;
    if (g.type === 'AmazonCustomerByEmail') {
      const account = await directory?.findAccountByEmail(g.emailAddress);
      if (account === undefined) {
        throw new S3Error('UnresolvableGrantByEmailAddress', { reason: `no account has the e-mail address ${g.emailAddress}` });
      }
      out.push({ grantee: { type: 'CanonicalUser', id: account.canonicalId, displayName: account.displayName }, permission: grant.permission });
    } else if (g.type === 'CanonicalUser' && directory !== undefined) {
      const account = await directory.findAccountByCanonicalId(g.id.toLowerCase());
      if (account === undefined) throw invalidArgument('Invalid id', 'CanonicalUser/ID', g.id);
      out.push({ grantee: { type: 'CanonicalUser', id: account.canonicalId, displayName: account.displayName }, permission: grant.permission });
    } else {
      out.push(grant);
    }
  }
  return out;
}
