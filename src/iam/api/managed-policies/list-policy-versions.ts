/** ListPolicyVersions: newest first, without documents. */
import { members } from '../../../query-api/query-xml.ts';
import { iamAction } from '../iam-action.ts';
import { policyVersionXml } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

export const listPolicyVersions = iamAction({
  action: 'ListPolicyVersions',
  iamAction: 'iam:ListPolicyVersions',
  parse: (input) => ({
    policyArn: input.required('PolicyArn', IAM.arn),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    const page = paginate(await store.managedPolicies.listVersions(caller.account.accountId, i.policyArn), (v) => v.versionId, i);
    return [['Versions', members(page.items.map((v) => policyVersionXml(v, { document: false })))], ...pageXml(page)];
  },
});
