/**
 * ListEntitiesForPolicy: the groups, users and roles a managed policy is attached to (or, with
 * PolicyUsageFilter=PermissionsBoundary, the users and roles it bounds), paged as one list.
 */
import { members, type XmlElement } from '../../../query-api/query-xml.ts';
import type { EntityKind } from '../../iam-entities.ts';
import { iamAction } from '../iam-action.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

const FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
const KIND: Partial<Record<(typeof FILTERS)[number], EntityKind>> = { User: 'user', Role: 'role', Group: 'group' };

type Entry = { kind: EntityKind; name: string; id: string };

export const listEntitiesForPolicy = iamAction({
  action: 'ListEntitiesForPolicy',
  iamAction: 'iam:ListEntitiesForPolicy',
  parse: (input) => ({
    policyArn: input.required('PolicyArn', IAM.arn),
    entityFilter: input.enumValue('EntityFilter', FILTERS, { required: false }),
    pathPrefix: input.optional('PathPrefix', IAM.pathPrefix),
    usage: input.enumValue('PolicyUsageFilter', ['PermissionsPolicy', 'PermissionsBoundary'] as const, { required: false }),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    const kind = i.entityFilter === undefined ? undefined : KIND[i.entityFilter];
    // LocalManagedPolicy / AWSManagedPolicy filter on the policy's kind, not the entity's.
    const kinds: EntityKind[] = kind !== undefined ? [kind] : ['group', 'user', 'role'];
    const found = await store.attachments.entitiesForPolicy(caller.account.accountId, i.policyArn, {
      kinds,
      pathPrefix: i.pathPrefix,
      usage: i.usage,
    });
    const all: Entry[] = [
      ...found.groups.map((g) => ({ kind: 'group' as const, name: g.groupName, id: g.groupId })),
      ...found.users.map((u) => ({ kind: 'user' as const, name: u.userName, id: u.userId })),
      ...found.roles.map((r) => ({ kind: 'role' as const, name: r.roleName, id: r.roleId })),
    ];
    const page = paginate(all, (e) => e.id, i);
    const of = (k: EntityKind, nameTag: string, idTag: string): XmlElement =>
      [
        `Policy${nameTag.replace('Name', '')}s`,
        members(page.items.filter((e) => e.kind === k).map((e) => [[nameTag, e.name] as const, [idTag, e.id] as const])),
      ] as const;
    return [of('group', 'GroupName', 'GroupId'), of('user', 'UserName', 'UserId'), of('role', 'RoleName', 'RoleId'), ...pageXml(page)];
  },
});
