/**
 * CreateOpenIDConnectProvider: Url (https://, the token issuer), ClientIDList (audiences),
 * ThumbprintList (40 hex characters each, up to 5; optional as on AWS today), Tags, and the
 * Coffer extension for the provider's keys (jwks-parameters.ts). The ARN names the issuer
 * without its scheme: `arn:aws:iam::<acct>:oidc-provider/token.example.com`.
 */
import { issuerPath, oidcProviderArn } from '../../iam-arns.ts';
import { invalidInput } from '../../iam-error.ts';
import { checkTags } from '../check-tags.ts';
import { iamAction } from '../iam-action.ts';
import { tagsXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';
import { jwksSetting } from './jwks-parameters.ts';

export const createOpenIDConnectProvider = iamAction({
  action: 'CreateOpenIDConnectProvider',
  iamAction: 'iam:CreateOpenIDConnectProvider',
  parse: (input) => ({
    url: input.required('Url', IAM.oidcUrl),
    clientIds: input.list('ClientIDList', IAM.clientId, { max: 100 }),
    thumbprints: input.list('ThumbprintList', IAM.thumbprint, { max: 5 }),
    tags: input.tags(),
    jwks: input.optional('CofferJwks', IAM.cofferJwks),
    jwksUri: input.optional('CofferJwksUri', IAM.cofferJwksUri),
  }),
  resource: (i, caller) => ({ kind: 'arn', arn: oidcProviderArn(caller.account.accountId, issuerPath(i.url)) }),
  async handle(i, { store, caller }) {
    // [uncertain] AWS's words for a URL that is not https.
    if (!/^https:\/\/[^\s/]+/i.test(i.url)) throw invalidInput(`Invalid OpenIDConnect Provider URL: ${i.url}. The URL must begin with https://.`);
    if (i.thumbprints.some((t) => !/^[0-9a-fA-F]{40}$/.test(t))) throw invalidInput('Thumbprints must be 40 hexadecimal characters.');
    checkTags(i.tags);
    const provider = await store.openIdConnectProviders.create({
      accountId: caller.account.accountId,
      url: i.url,
      clientIds: i.clientIds,
      thumbprints: i.thumbprints,
      jwks: jwksSetting(i.jwks, i.jwksUri),
      tags: i.tags,
    });
    return [['OpenIDConnectProviderArn', provider.arn], tagsXml(provider.tags)];
  },
});
