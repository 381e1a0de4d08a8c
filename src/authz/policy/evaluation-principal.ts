/**
 * Who the evaluator judges: a principal as authentication found it (src/auth/principal.ts), or
 * a web identity — a caller vouched for by an identity provider instead of signing with AWS
 * credentials. Web identities exist only while STS decides AssumeRoleWithWebIdentity: they are
 * the caller of a role's trust policy, matched by `"Principal": {"Federated": "<provider>"}` (or
 * `"*"`), and their token's claims reach the conditions as `<issuer>:sub`, `<issuer>:aud`, …
 * context keys (sts-iam.md §2.4). They have no account, no identity policies and no ARN, so a
 * resource policy alone decides for them, as for anonymous callers (policy-evaluation.md §7.2).
 *
 * The type is `WebIdentityUser`, CloudTrail's `userIdentity.type` for such callers; a SAML
 * variant (`SAMLUser`) would sit beside it.
 */
import type { Principal } from '../../auth/principal.ts';

export interface WebIdentityPrincipal {
  readonly type: 'WebIdentityUser';
  /**
   * The identity provider as a trust policy's `Federated` principal names it: the OIDC
   * provider's ARN (`arn:aws:iam::<acct>:oidc-provider/<issuer host and path>`), or a provider
   * name such as `cognito-identity.amazonaws.com`. Compared exactly.
   */
  readonly provider: string;
  /** The token's `sub`, for explanations only (conditions read `<issuer>:sub` from the context). */
  readonly subject: string;
}

export type EvaluationPrincipal = Principal | WebIdentityPrincipal;

/** The account of a signed principal; undefined for anonymous callers and web identities. */
export function accountIdOf(p: EvaluationPrincipal): string | undefined {
  return p.type === 'Anonymous' || p.type === 'WebIdentityUser' ? undefined : p.account.accountId;
}
