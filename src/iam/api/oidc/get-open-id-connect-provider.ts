/** GetOpenIDConnectProvider: Url (without scheme, as AWS shows it), client ids, thumbprints. */
import { members } from '../../../query-api/query-xml.ts';
import { noSuchOpenIdConnectProvider } from '../../iam-error.ts';
import { iamAction } from '../iam-action.ts';
import { iamDate, tagsXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const getOpenIDConnectProvider = iamAction({
  action: 'GetOpenIDConnectProvider',
  iamAction: 'iam:GetOpenIDConnectProvider',
  parse: (input) => ({ arn: input.required('OpenIDConnectProviderArn', IAM.arn) }),
  resource: (i) => ({ kind: 'arn', arn: i.arn }),
  async handle(i, { store, caller }) {
    const provider = await store.openIdConnectProviders.get(caller.account.accountId, i.arn);
    if (provider === undefined) throw noSuchOpenIdConnectProvider(i.arn);
    return [
      ['Url', provider.url],
      ['ClientIDList', members(provider.clientIds)],
      ['ThumbprintList', members(provider.thumbprints)],
      ['CreateDate', iamDate(provider.createdAt)],
      tagsXml(provider.tags),
    ];
  },
});
