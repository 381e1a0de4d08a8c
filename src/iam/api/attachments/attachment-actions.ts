/**
 * Attach/Detach{User,Group,Role}Policy and ListAttached{User,Group,Role}Policies share one
 * shape per entity kind; each action's own file declares it from these.
 */
import { members } from '../../../query-api/query-xml.ts';
import type { EntityKind } from '../../iam-entities.ts';
import { iamAction } from '../iam-action.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

const ENTITY = {
  user: { param: 'UserName', constraint: IAM.existingUserName, title: 'User' },
  group: { param: 'GroupName', constraint: IAM.groupName, title: 'Group' },
  role: { param: 'RoleName', constraint: IAM.roleName, title: 'Role' },
} as const;

export function attachPolicyAction(kind: EntityKind) {
  const { title, param, constraint } = ENTITY[kind];
  return iamAction({
    action: `Attach${title}Policy`,
    iamAction: `iam:Attach${title}Policy`,
    parse: (input) => ({ name: input.required(param, constraint), policyArn: input.required('PolicyArn', IAM.arn) }),
    resource: (i) => ({ kind, name: i.name }),
    async handle(i, { store, caller }) {
      await store.attachments.attach({ kind, accountId: caller.account.accountId, name: i.name }, i.policyArn);
      return undefined;
    },
  });
}

export function detachPolicyAction(kind: EntityKind) {
  const { title, param, constraint } = ENTITY[kind];
  return iamAction({
    action: `Detach${title}Policy`,
    iamAction: `iam:Detach${title}Policy`,
    parse: (input) => ({ name: input.required(param, constraint), policyArn: input.required('PolicyArn', IAM.arn) }),
    resource: (i) => ({ kind, name: i.name }),
    async handle(i, { store, caller }) {
      await store.attachments.detach({ kind, accountId: caller.account.accountId, name: i.name }, i.policyArn);
      return undefined;
    },
  });
}

export function listAttachedPoliciesAction(kind: EntityKind) {
  const { title, param, constraint } = ENTITY[kind];
  return iamAction({
    action: `ListAttached${title}Policies`,
    iamAction: `iam:ListAttached${title}Policies`,
    parse: (input) => ({
      name: input.required(param, constraint),
      pathPrefix: input.optional('PathPrefix', IAM.policyPathPrefix),
      marker: input.optional('Marker', IAM.marker),
      maxItems: input.integer('MaxItems', MAX_ITEMS),
    }),
    resource: (i) => ({ kind, name: i.name }),
    async handle(i, { store, caller }) {
      const attached = await store.attachments.listAttached({ kind, accountId: caller.account.accountId, name: i.name }, { pathPrefix: i.pathPrefix });
      const page = paginate(attached, (p) => p.policyArn, i);
      const items = page.items.map((p) => [['PolicyName', p.policyName] as const, ['PolicyArn', p.policyArn] as const]);
      return [['AttachedPolicies', members(items)], ...pageXml(page)];
    },
  });
}
