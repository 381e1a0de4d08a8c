/**
 * What STS reads from the identity store, and nothing more: accounts, users, roles (with their
 * trust policy and MaxSessionDuration), OIDC providers and MFA devices. `identity-sts-directory.ts`
 * adapts the IAM identity store to it; tests use an in-memory one. Keeping STS behind this narrow
 * interface lets the identity store grow (IAM users, groups, policies) without STS following.
 */
import type { Account } from '../auth/principal.ts';

export interface StsUser {
  accountId: string;
  userName: string;
  /** `AIDA…`: a user deleted and created again under the same name gets a new one. */
  userId: string;
  /** `arn:aws:iam::<acct>:user/<path><name>`. */
  arn: string;
}

export interface StsRole {
  accountId: string;
  roleName: string;
  /** `AROA…` (21 characters): a recreated role gets a new one, and old sessions stop working. */
  roleId: string;
  /** `arn:aws:iam::<acct>:role/<path><name>`. */
  arn: string;
  /** The trust policy (AssumeRolePolicyDocument), JSON as stored. */
  trustPolicy: string;
  /** 3600–43200 seconds (IAM's default 3600). */
  maxSessionDurationSeconds: number;
}

/**
 * Where the signing keys of an OIDC provider come from: a JWKS document given inline, a URL
 * (`https:`, or `file:` for a JWKS file on this machine), or OIDC discovery at
 * `<issuer>/.well-known/openid-configuration` (as AWS does).
 */
export type JwksSource = { kind: 'inline'; json: string } | { kind: 'url'; url: string } | { kind: 'discover' };

export interface StsOidcProvider {
  /** `arn:aws:iam::<acct>:oidc-provider/<issuer host and path>`. */
  arn: string;
  /** The issuer without its scheme, as IAM shows it: `token.example.com/path`. */
  url: string;
  /** Accepted audiences (`aud`). */
  clientIds: readonly string[];
  jwks: JwksSource;
}

export type MfaCheck = 'valid' | 'invalid-code' | 'unknown-device';

export interface StsDirectory {
  account(accountId: string): Promise<Account | undefined>;
  user(accountId: string, userName: string): Promise<StsUser | undefined>;
  role(accountId: string, roleName: string): Promise<StsRole | undefined>;
  /** The provider registered in `accountId` for this issuer (`iss`, with or without `https://`). */
  oidcProvider(accountId: string, issuer: string): Promise<StsOidcProvider | undefined>;
  /**
   * Checks an MFA code for the caller (`principalArn`: the user, or the account root). Stores
   * without MFA devices answer 'unknown-device'.
   */
  checkMfa(input: { accountId: string; principalArn: string; serialNumber: string; tokenCode: string; now: number }): Promise<MfaCheck>;
}
