/** ListOpenIDConnectProviders: the ARNs of the account's providers (not paged, as on AWS). */
import { members } from '../../../query-api/query-xml.ts';
import { iamAction } from '../iam-action.ts';

export const listOpenIDConnectProviders = iamAction({
  action: 'ListOpenIDConnectProviders',
  iamAction: 'iam:ListOpenIDConnectProviders',
  parse: () => ({}),
  resource: (_i, caller) => ({ kind: 'arn', arn: `arn:aws:iam::${caller.account.accountId}:oidc-provider/` }),
  async handle(_i, { store, caller }) {
    const providers = await store.openIdConnectProviders.list(caller.account.accountId);
    return [['OpenIDConnectProviderList', members(providers.map((p) => [['Arn', p.arn] as const]))]];
  },
});
