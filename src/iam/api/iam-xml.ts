/**
 * The IAM result elements in the Query protocol's shapes (sts-iam.md §5): dates as
 * `2024-05-01T12:00:00Z`, policy documents URL-encoded (RFC 3986), lists as `<member>`.
 */
import { isoSeconds } from '../../lib/dates.ts';
import { uriEncode } from '../../lib/uri-encode.ts';
import { members, type XmlElement } from '../../query-api/query-xml.ts';
import type { Group, ManagedPolicy, PolicyVersion, Role, Tag, User } from '../iam-entities.ts';

export function iamDate(ms: number): string {
  return isoSeconds(ms);
}

/** Policy documents travel URL-encoded in IAM responses; clients decode them. */
export function encodedDocument(document: string): string {
  return uriEncode(document, false);
}

export function tagsXml(tags: readonly Tag[]): XmlElement | undefined {
  return tags.length === 0 ? undefined : ['Tags', members(tags.map((t) => [['Key', t.key], ['Value', t.value]]))];
}

function boundaryXml(arn: string | undefined): XmlElement | undefined {
  return arn === undefined
    ? undefined
    : ['PermissionsBoundary', [['PermissionsBoundaryType', 'PermissionsBoundaryPolicy'], ['PermissionsBoundaryArn', arn]]];
}

/** `<User>` children; ListUsers leaves out the boundary and tags, as AWS does. */
export function userXml(user: User, options: { full: boolean }): Array<XmlElement | undefined> {
  return [
    ['Path', user.path],
    ['UserName', user.userName],
    ['UserId', user.userId],
    ['Arn', user.arn],
    ['CreateDate', iamDate(user.createdAt)],
    options.full ? boundaryXml(user.permissionsBoundary) : undefined,
    options.full ? tagsXml(user.tags) : undefined,
  ];
}

export function groupXml(group: Group): XmlElement[] {
  return [
    ['Path', group.path],
    ['GroupName', group.groupName],
    ['GroupId', group.groupId],
    ['Arn', group.arn],
    ['CreateDate', iamDate(group.createdAt)],
  ];
}

export function roleXml(role: Role, options: { full: boolean }): Array<XmlElement | undefined> {
  return [
    ['Path', role.path],
    ['RoleName', role.roleName],
    ['RoleId', role.roleId],
    ['Arn', role.arn],
    ['CreateDate', iamDate(role.createdAt)],
    ['AssumeRolePolicyDocument', encodedDocument(role.assumeRolePolicyDocument)],
    role.description === undefined ? undefined : ['Description', role.description],
    ['MaxSessionDuration', role.maxSessionDuration],
    options.full ? boundaryXml(role.permissionsBoundary) : undefined,
    options.full ? tagsXml(role.tags) : undefined,
    options.full ? ['RoleLastUsed', []] : undefined,
  ];
}

/** `<Policy>`; Description only where AWS returns it (GetPolicy, CreatePolicy). */
export function policyXml(policy: ManagedPolicy, options: { description: boolean }): Array<XmlElement | undefined> {
  return [
    ['PolicyName', policy.policyName],
    ['PolicyId', policy.policyId],
    ['Arn', policy.arn],
    ['Path', policy.path],
    ['DefaultVersionId', policy.defaultVersionId],
    ['AttachmentCount', policy.attachmentCount],
    ['PermissionsBoundaryUsageCount', policy.permissionsBoundaryUsageCount],
    ['IsAttachable', true],
    options.description && policy.description !== undefined ? ['Description', policy.description] : undefined,
    ['CreateDate', iamDate(policy.createdAt)],
    ['UpdateDate', iamDate(policy.updatedAt)],
    options.description ? tagsXml(policy.tags) : undefined,
  ];
}

/** `<PolicyVersion>`; the document only where AWS includes it (GetPolicyVersion). */
export function policyVersionXml(version: PolicyVersion, options: { document: boolean }): Array<XmlElement | undefined> {
  return [
    options.document ? ['Document', encodedDocument(version.document)] : undefined,
    ['VersionId', version.versionId],
    ['IsDefaultVersion', version.isDefaultVersion],
    ['CreateDate', iamDate(version.createdAt)],
  ];
}
