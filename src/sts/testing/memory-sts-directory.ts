/**
 * Test support: an in-memory StsDirectory (accounts, users, roles, OIDC providers, MFA devices
 * with a fixed code) held on the instance.
 */
import type { Account } from '../../auth/principal.ts';
import type { MfaCheck, StsDirectory, StsOidcProvider, StsRole, StsUser } from '../sts-directory.ts';

export class MemoryStsDirectory implements StsDirectory {
  readonly accounts = new Map<string, Account>();
  readonly users = new Map<string, StsUser>();
  readonly roles = new Map<string, StsRole>();
  readonly providers: StsOidcProvider[] = [];
  /** serial number → owner ARN and the one code that verifies. */
  readonly mfaDevices = new Map<string, { principalArn: string; code: string }>();

  addAccount(account: Account): Account {
    this.accounts.set(account.accountId, account);
    return account;
  }
  addUser(user: StsUser): StsUser {
    this.users.set(`${user.accountId}/${user.userName.toLowerCase()}`, user);
    return user;
  }
  addRole(role: StsRole): StsRole {
    this.roles.set(`${role.accountId}/${role.roleName.toLowerCase()}`, role);
    return role;
  }
  removeRole(accountId: string, roleName: string): void {
    this.roles.delete(`${accountId}/${roleName.toLowerCase()}`);
  }

  async account(accountId: string): Promise<Account | undefined> {
    return this.accounts.get(accountId);
  }
  async user(accountId: string, userName: string): Promise<StsUser | undefined> {
    return this.users.get(`${accountId}/${userName.toLowerCase()}`);
  }
  async role(accountId: string, roleName: string): Promise<StsRole | undefined> {
    return this.roles.get(`${accountId}/${roleName.toLowerCase()}`);
  }
  async oidcProvider(accountId: string, issuer: string): Promise<StsOidcProvider | undefined> {
    const url = issuer.replace(/^https:\/\//, '');
    return this.providers.find((p) => p.url === url && p.arn.includes(`::${accountId}:`));
  }
  async checkMfa(input: { principalArn: string; serialNumber: string; tokenCode: string }): Promise<MfaCheck> {
    const device = this.mfaDevices.get(input.serialNumber);
    if (device === undefined || device.principalArn !== input.principalArn) return 'unknown-device';
    return device.code === input.tokenCode ? 'valid' : 'invalid-code';
  }
}
