/**
 * Reading back an ACL kept in an opaque field (MultipartUpload.acl): only a well-shaped StoredAcl
 * is trusted; anything else counts as no ACL (private).
 */
import { GROUP_URIS, isPermission, type StoredAcl } from './acl.ts';

export function isStoredAcl(value: unknown): value is StoredAcl {
  if (typeof value !== 'object' || value === null) return false;
  const grants = (value as { grants?: unknown }).grants;
  return Array.isArray(grants) && grants.every(isGrant);
}

function isGrant(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { grantee, permission } = value as { grantee?: Record<string, unknown>; permission?: unknown };
  if (typeof permission !== 'string' || !isPermission(permission) || typeof grantee !== 'object' || grantee === null) return false;
  switch (grantee['type']) {
    case 'CanonicalUser':
      return typeof grantee['id'] === 'string' && (grantee['displayName'] === undefined || typeof grantee['displayName'] === 'string');
    case 'AmazonCustomerByEmail':
      return typeof grantee['emailAddress'] === 'string';
    case 'Group':
      return typeof grantee['uri'] === 'string' && GROUP_URIS.includes(grantee['uri']);
    default:
      return false;
  }
}
