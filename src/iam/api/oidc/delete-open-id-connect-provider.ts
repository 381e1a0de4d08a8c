/** DeleteOpenIDConnectProvider: roles that trust it can no longer be assumed with its tokens. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deleteOpenIDConnectProvider = iamAction({
  action: 'DeleteOpenIDConnectProvider',
  iamAction: 'iam:DeleteOpenIDConnectProvider',
  parse: (input) => ({ arn: input.required('OpenIDConnectProviderArn', IAM.arn) }),
  resource: (i) => ({ kind: 'arn', arn: i.arn }),
  async handle(i, { store, caller }) {
    await store.openIdConnectProviders.delete(caller.account.accountId, i.arn);
    return undefined;
  },
});
