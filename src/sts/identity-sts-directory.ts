/**
 * The StsDirectory over Coffer's identity store: accounts from the IdentityStore, users, roles
 * and OIDC providers from its IAM part (IamReader). MFA devices are not modelled by IAM yet, so
 * every SerialNumber is an unknown device.
 */
import type { IamReader } from '../iam/iam-store.ts';
import type { IdentityStore } from '../iam/identity-store.ts';
import type { JwksSource, StsDirectory } from './sts-directory.ts';

export function identityStsDirectory(stores: {
  accounts: Pick<IdentityStore, 'getAccount'>;
  iam: Pick<IamReader, 'getUser' | 'getRole' | 'findOpenIdConnectProvider'>;
}): StsDirectory {
  const { accounts, iam } = stores;
  return {
    account: (accountId) => accounts.getAccount(accountId),
    async user(accountId, userName) {
      const u = await iam.getUser(accountId, userName);
      return u && { accountId: u.accountId, userName: u.userName, userId: u.userId, arn: u.arn };
    },
    async role(accountId, roleName) {
      const r = await iam.getRole(accountId, roleName);
      return (
        r && {
          accountId: r.accountId,
          roleName: r.roleName,
          roleId: r.roleId,
          arn: r.arn,
          trustPolicy: r.assumeRolePolicyDocument,
          maxSessionDurationSeconds: r.maxSessionDuration,
        }
      );
    },
    async oidcProvider(accountId, issuer) {
      const p = await iam.findOpenIdConnectProvider(accountId, issuer);
      if (p === undefined) return undefined;
      const jwks: JwksSource = p.jwks === undefined ? { kind: 'discover' } : p.jwks.kind === 'inline' ? { kind: 'inline', json: p.jwks.json } : { kind: 'url', url: p.jwks.url };
      return { arn: p.arn, url: p.url, clientIds: p.clientIds, jwks };
    },
    async checkMfa() {
      return 'unknown-device';
    },
  };
}
