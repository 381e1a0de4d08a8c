/**
 * IAM ARNs (../shared/spec/sts-iam.md §4): the path sits between the resource type and the
 * name (`user/division/alice`), AWS managed policies live in the pseudo-account `aws`.
 */

export const AWS_MANAGED_ACCOUNT = 'aws';

export function userArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:user${path}${name}`;
}

export function groupArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:group${path}${name}`;
}

export function roleArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

/** `accountId` undefined: an AWS managed policy. */
export function policyArn(accountId: string | undefined, path: string, name: string): string {
  return `arn:aws:iam::${accountId ?? AWS_MANAGED_ACCOUNT}:policy${path}${name}`;
}

/** The provider ARN names the issuer without its scheme: `oidc-provider/token.example.com/x`. */
export function oidcProviderArn(accountId: string, url: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${url}`;
}

/** `https://token.example.com/x/` → `token.example.com/x`: how the ARN and Get name an issuer. */
export function issuerPath(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

export interface ParsedIamArn {
  /** 12 digits, or `aws`. */
  accountId: string;
  /** `user`, `group`, `role`, `policy`, `oidc-provider`, … */
  type: string;
  path: string;
  name: string;
}

/**
 * Splits `arn:aws:iam::<acct>:<type>/<path…>/<name>`; undefined when it is not an IAM ARN of
 * that form. For `oidc-provider` everything after the type is the name (it holds slashes).
 */
export function parseIamArn(arn: string): ParsedIamArn | undefined {
  const m = /^arn:aws:iam::(\d{12}|aws):([a-z-]+)(\/.*)$/.exec(arn);
  if (m === null) return undefined;
  const [, accountId, type, rest] = m as unknown as [string, string, string, string];
  if (type === 'oidc-provider') return rest.length > 1 ? { accountId, type, path: '/', name: rest.slice(1) } : undefined;
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  if (name === '') return undefined;
  return { accountId, type, path: rest.slice(0, slash + 1), name };
}
