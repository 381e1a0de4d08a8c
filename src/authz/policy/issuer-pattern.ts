/**
 * An OIDC issuer as IAM writes it without its scheme — in an OIDC provider's ARN
 * (`arn:aws:iam::<acct>:oidc-provider/<issuer>`) and before the claim in a trust policy's
 * condition keys (`<issuer>:sub`): `<host>[:<port>][/<path>]`, e.g. `token.actions.githubusercontent.com`,
 * `oidc.eks.us-west-2.amazonaws.com/id/ABC`, `idp.example.com/realm` (sts-iam.md §2.4). The
 * host is one or more DNS labels (Coffer accepts `localhost` issuers); path segments are
 * non-empty and hold no white space, `:` or wildcard.
 */
export const ISSUER_PATTERN = '[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*(?::\\d{1,5})?(?:/[^\\s/*?:]+)*';
