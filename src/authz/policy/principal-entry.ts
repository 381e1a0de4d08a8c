/**
 * The principal forms of §2.1, recognised from their spelling. A value with a wildcard other
 * than a lone `*` is not a principal (§2.1: `…:user/*` is invalid).
 *
 * `Federated` (role trust policies only, sts-iam.md §2.2): an OIDC provider's ARN
 * (`arn:aws:iam::<acct>:oidc-provider/<issuer host[/path]>`), a SAML provider's ARN
 * (`arn:aws:iam::<acct>:saml-provider/<name>`), or a provider known by its host name
 * (`cognito-identity.amazonaws.com`, `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`).
 */
import { ISSUER_PATTERN } from './issuer-pattern.ts';

export type PrincipalEntry =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'user'; readonly arn: string; readonly accountId: string; readonly uniqueId: string | undefined }
  | { readonly kind: 'role'; readonly arn: string; readonly accountId: string; readonly uniqueId: string | undefined }
  | { readonly kind: 'session'; readonly arn: string; readonly accountId: string }
  | { readonly kind: 'federated-user'; readonly arn: string; readonly accountId: string }
  | { readonly kind: 'unique-id'; readonly id: string }
  | { readonly kind: 'canonical-user'; readonly id: string }
  | { readonly kind: 'service'; readonly name: string }
  | { readonly kind: 'federated'; readonly provider: string };

const ACCOUNT = /^\d{12}$/;
const IAM_ARN = /^arn:aws:iam::(\d{12}):(root|user\/.+|role\/.+)$/;
const STS_ARN = /^arn:aws:sts::(\d{12}):(assumed-role\/[^/]+\/[^/]+|federated-user\/[^/]+)$/;
/** Stored form of a deleted user/role (§1 principal resolution): AIDA… / AROA…. */
const UNIQUE_ID = /^A(?:IDA|ROA)[A-Z0-9]{12,}$/;
const CANONICAL = /^(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{96})$/;
const NAME = /^[^\s*?]+$/;
const OIDC_PROVIDER_ARN = new RegExp(`^arn:aws:iam::\\d{12}:oidc-provider/${ISSUER_PATTERN}$`);
/** IAM's name characters (sts-iam.md §4): alphanumerics and `_+=,.@-`. */
const SAML_PROVIDER_ARN = /^arn:aws:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/;
/** A provider named by its host: two or more DNS labels. */
const PROVIDER_HOST = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** An `AWS` principal value, or undefined when it is not one. */
export function classifyAwsPrincipal(value: string): PrincipalEntry | undefined {
  if (value === '*') return { kind: 'everyone' };
  if (ACCOUNT.test(value)) return { kind: 'account', accountId: value };
  if (value.includes('*') || value.includes('?')) return undefined;
  const iam = IAM_ARN.exec(value);
  if (iam !== null) {
    const accountId = iam[1]!;
    const rest = iam[2]!;
    if (rest === 'root') return { kind: 'account', accountId };
    const kind = rest.startsWith('user/') ? 'user' : 'role';
    return { kind, arn: value, accountId, uniqueId: undefined };
  }
  const sts = STS_ARN.exec(value);
  if (sts !== null) {
    const kind = sts[2]!.startsWith('assumed-role/') ? 'session' : 'federated-user';
    return { kind, arn: value, accountId: sts[1]! };
  }
  if (UNIQUE_ID.test(value)) return { kind: 'unique-id', id: value };
  return undefined;
}

export function classifyCanonicalUser(value: string): PrincipalEntry | undefined {
  return CANONICAL.test(value) ? { kind: 'canonical-user', id: value.toLowerCase() } : undefined;
}

export function classifyService(value: string): PrincipalEntry | undefined {
  return NAME.test(value) ? { kind: 'service', name: value } : undefined;
}

export function classifyFederated(value: string): PrincipalEntry | undefined {
  const known = OIDC_PROVIDER_ARN.test(value) || SAML_PROVIDER_ARN.test(value) || PROVIDER_HOST.test(value);
  return known ? { kind: 'federated', provider: value } : undefined;
}
