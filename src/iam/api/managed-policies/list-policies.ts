/**
 * ListPolicies: Scope All (default) | AWS | Local, OnlyAttached, PathPrefix, PolicyUsageFilter
 * (with OnlyAttached: PermissionsPolicy counts attachments, PermissionsBoundary boundary uses).
 */
import { members } from '../../../query-api/query-xml.ts';
import { accountResource, iamAction } from '../iam-action.ts';
import { policyXml } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

export const listPolicies = iamAction({
  action: 'ListPolicies',
  iamAction: 'iam:ListPolicies',
  parse: (input) => ({
    scope: input.enumValue('Scope', ['All', 'AWS', 'Local'] as const, { required: false }),
    onlyAttached: input.boolean('OnlyAttached'),
    pathPrefix: input.optional('PathPrefix', IAM.policyPathPrefix),
    usageFilter: input.enumValue('PolicyUsageFilter', ['PermissionsPolicy', 'PermissionsBoundary'] as const, { required: false }),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (_i, caller) => accountResource(caller, 'policy/'),
  async handle(i, { store, caller }) {
    const policies = await store.managedPolicies.list(caller.account.accountId, {
      scope: i.scope,
      onlyAttached: i.onlyAttached,
      pathPrefix: i.pathPrefix,
      usageFilter: i.usageFilter,
    });
    const page = paginate(policies, (p) => p.policyId, i);
    return [['Policies', members(page.items.map((p) => policyXml(p, { description: false })))], ...pageXml(page)];
  },
});
