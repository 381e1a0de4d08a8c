/**
 * The ACL side of authorization, for the authorizer and the operations that set ACLs. Evaluation:
 * bucketAclOf / objectAclOf (the ACL in force, with its owner), permissionForAction (which
 * permission an action needs from which ACL), aclGrants / findAclGrant (does the ACL give it to
 * this caller), isPublicAcl, aclsEnabled (BucketOwnerEnforced: ACLs are not evaluated at all).
 */
export * from './acl.ts';
export { accessControlPolicyXml, XSI_NAMESPACE } from './access-control-policy-xml.ts';
export { aclGrants, findAclGrant, granteeMatches, type AclEvaluationOptions } from './acl-grants.ts';
export { CANNED_ACLS, EC2_BUNDLE_READER, expandCannedAcl, isCannedAcl, parseCannedAcl, type CannedAcl, type CannedAclTarget } from './canned-acl.ts';
export { checkAclSetting, type RequestedAclForm } from './check-acl-setting.ts';
export { isOwnerFullControlOnly } from './is-owner-full-control-only.ts';
export { isPublicAcl, isPublicGrant } from './is-public-acl.ts';
export { isStoredAcl } from './is-stored-acl.ts';
export {
  NEW_BUCKET_OWNERSHIP,
  OBJECT_OWNERSHIPS,
  aclsEnabled,
  effectiveOwnership,
  isObjectOwnership,
  type ObjectOwnership,
} from './object-ownership.ts';
export { parseAccessControlPolicy } from './parse-access-control-policy.ts';
export { GRANT_HEADERS, hasGrantHeaders, parseGrantHeaders, parseGranteeList, type HeaderSource } from './parse-grant-headers.ts';
export { ACL_ACTION_RULES, aclActionRule, permissionForAction, type AclActionRule } from './permission-for-action.ts';
export {
  NEW_BUCKET_PUBLIC_ACCESS_BLOCK,
  NO_PUBLIC_ACCESS_BLOCK,
  effectivePublicAccessBlock,
  type PublicAccessBlock,
} from './public-access-block.ts';
export { readAclHeaders, type AclHeaders } from './read-acl-headers.ts';
export { resolveGrantees, type AccountDirectory } from './resolve-grantees.ts';
export { resolveRequestAcl, type RequestAcl, type RequestAclInput } from './resolve-request-acl.ts';
export { bucketAclOf, effectiveObjectOwner, objectAclOf } from './resource-acl.ts';
