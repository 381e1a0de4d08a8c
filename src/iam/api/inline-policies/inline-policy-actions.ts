/**
 * Put/Get/List/Delete{User,Group,Role}Policy share one shape, told apart by the entity kind:
 * the entity parameter (`UserName`, `GroupName`, `RoleName`), its name constraint, and the
 * words of NoSuchEntity. Each action's own file declares it from these.
 */
import { members } from '../../../query-api/query-xml.ts';
import type { EntityKind } from '../../iam-entities.ts';
import { noSuchInlinePolicy } from '../../iam-error.ts';
import { checkIdentityPolicy } from '../check-policy-document.ts';
import { iamAction } from '../iam-action.ts';
import { encodedDocument } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';
import type { IamInput } from '../validation/iam-input.ts';

const ENTITY = {
  user: { param: 'UserName', constraint: IAM.existingUserName, title: 'User' },
  group: { param: 'GroupName', constraint: IAM.groupName, title: 'Group' },
  role: { param: 'RoleName', constraint: IAM.roleName, title: 'Role' },
} as const;

function entityName(input: IamInput, kind: EntityKind): string {
  return input.required(ENTITY[kind].param, ENTITY[kind].constraint);
}

export function putInlinePolicyAction(kind: EntityKind) {
  const title = ENTITY[kind].title;
  return iamAction({
    action: `Put${title}Policy`,
    iamAction: `iam:Put${title}Policy`,
    parse: (input) => ({
      name: entityName(input, kind),
      policyName: input.required('PolicyName', IAM.policyName),
      policyDocument: input.required('PolicyDocument', IAM.policyDocument),
    }),
    resource: (i) => ({ kind, name: i.name }),
    async handle(i, { store, caller }) {
      checkIdentityPolicy(i.policyDocument);
      await store.inlinePolicies.put({ kind, accountId: caller.account.accountId, name: i.name }, i.policyName, i.policyDocument);
      return undefined;
    },
  });
}

export function getInlinePolicyAction(kind: EntityKind) {
  const { title, param } = ENTITY[kind];
  return iamAction({
    action: `Get${title}Policy`,
    iamAction: `iam:Get${title}Policy`,
    parse: (input) => ({ name: entityName(input, kind), policyName: input.required('PolicyName', IAM.policyName) }),
    resource: (i) => ({ kind, name: i.name }),
    async handle(i, { store, caller }) {
      const ref = { kind, accountId: caller.account.accountId, name: i.name };
      const document = await store.inlinePolicies.get(ref, i.policyName);
      if (document === undefined) throw noSuchInlinePolicy(kind, i.policyName);
      return [
        [param, i.name],
        ['PolicyName', i.policyName],
        ['PolicyDocument', encodedDocument(document)],
      ];
    },
  });
}

export function listInlinePoliciesAction(kind: EntityKind) {
  const title = ENTITY[kind].title;
  return iamAction({
    action: `List${title}Policies`,
    iamAction: `iam:List${title}Policies`,
    parse: (input) => ({
      name: entityName(input, kind),
      marker: input.optional('Marker', IAM.marker),
      maxItems: input.integer('MaxItems', MAX_ITEMS),
    }),
    resource: (i) => ({ kind, name: i.name }),
    async handle(i, { store, caller }) {
      const names = await store.inlinePolicies.list({ kind, accountId: caller.account.accountId, name: i.name });
      const page = paginate(names, (n) => n, i);
      return [['PolicyNames', members(page.items)], ...pageXml(page)];
    },
  });
}

export function deleteInlinePolicyAction(kind: EntityKind) {
  const title = ENTITY[kind].title;
  return iamAction({
    action: `Delete${title}Policy`,
    iamAction: `iam:Delete${title}Policy`,
    parse: (input) => ({ name: entityName(input, kind), policyName: input.required('PolicyName', IAM.policyName) }),
    resource: (i) => ({ kind, name: i.name }),
    async handle(i, { store, caller }) {
      await store.inlinePolicies.delete({ kind, accountId: caller.account.accountId, name: i.name }, i.policyName);
      return undefined;
    },
  });
}
