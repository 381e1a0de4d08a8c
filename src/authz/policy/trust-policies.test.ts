/**
 * Role trust policies through the engine (sts-iam.md §2.2, §2.4): the trust dialect's condition
 * keys and Federated principals, web identities as callers, and the rule that a trust policy
 * must always allow.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessEvaluation } from './access-evaluation.ts';
import type { WebIdentityPrincipal } from './evaluation-principal.ts';
import { evaluateAccess, isAccessAllowed } from './evaluate.ts';
import { DIRECT, LIMITED, matchPrincipal, NO_MATCH } from './match-principal.ts';
import { parseIdentityPolicy, parseTrustPolicy } from './parse-policies.ts';
import { A, alice, B, bob, ctx, identity, rootA, session } from './policy.fixtures.ts';
import { PolicyError } from './policy-error.ts';
import { classifyAwsPrincipal, classifyFederated } from './principal-entry.ts';

const GITHUB = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
const EKS = `arn:aws:iam::${A}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC`;
const ROLE = `arn:aws:iam::${A}:role/deploy`;
const VENDOR_MESSAGE = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';

const doc = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const web = (provider: string, subject = 'someone'): WebIdentityPrincipal => ({ type: 'WebIdentityUser', provider, subject });

const githubTrust = doc({
  Effect: 'Allow',
  Principal: { Federated: GITHUB },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: {
    StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
    StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/*' },
  },
});
const eksTrust = doc({
  Effect: 'Allow',
  Principal: { Federated: EKS },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: {
    StringEquals: {
      'oidc.eks.us-west-2.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com',
      'oidc.eks.us-west-2.amazonaws.com/id/ABC:sub': 'system:serviceaccount:default:uploader',
    },
  },
});

function fails(text: string, message: string, parse: (t: string) => unknown = parseTrustPolicy): void {
  assert.throws(
    () => parse(text),
    (e: unknown) => {
      assert.ok(e instanceof PolicyError, String(e));
      assert.deepEqual({ code: e.code, message: e.message }, { code: 'MalformedPolicyDocument', message });
      return true;
    },
    text,
  );
}

test('trust dialect: OIDC providers’ claim keys (<issuer>:<claim>) and every STS context key', () => {
  const allow = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'] };
  const ok = [
    githubTrust,
    eksTrust,
    doc({ ...allow, Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/idp.example.com/realm` }, Condition: { StringEquals: { 'idp.example.com/realm:aud': 'app' } } }),
    doc({
      ...allow,
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
    }),
    doc({ ...allow, Principal: { Federated: 'accounts.google.com' }, Condition: { StringEquals: { 'accounts.google.com:aud': 'x.apps.googleusercontent.com', 'accounts.google.com:oaud': 'y' } } }),
    doc({ ...allow, Principal: { Federated: 'graph.facebook.com' }, Condition: { StringEquals: { 'graph.facebook.com:app_id': '123' } } }),
    doc({ ...allow, Principal: { Federated: `arn:aws:iam::${A}:saml-provider/Corp_IdP` }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }),
    // A local issuer with a port (Coffer's IAM accepts https://localhost:8443/realm).
    doc({ ...allow, Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/localhost:8443/realm` }, Condition: { StringLike: { 'localhost:8443/realm:sub': 'u-*' } } }),
    doc({
      ...allow,
      Condition: {
        StringEquals: { 'sts:ExternalId': 'Unique-ID-1234', 'sts:RoleSessionName': 's', 'sts:SourceIdentity': 'alice', 'aws:RequestTag/team': 'blue', 'aws:PrincipalTag/cost:center': '42' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'], 'sts:TransitiveTagKeys': ['team'] },
        ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:user/*` },
        IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
        StringEqualsIfExists: { 'aws:FederatedProvider': GITHUB, 'aws:RequestTag/Cost Center': 'x' },
      },
    }),
  ];
  for (const text of ok) assert.doesNotThrow(() => parseTrustPolicy(text), text);
});

test('trust dialect: malformed condition keys keep IAM’s vendor message', () => {
  const keyed = (key: string) => doc({ Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [key]: 'x' } } });
  for (const key of [
    'sub',
    ':sub',
    'token.actions.githubusercontent.com:',
    'https://token.actions.githubusercontent.com:sub',
    'idp.example.com//realm:aud',
    'idp.example.com/realm/:aud',
    'idp example.com:aud',
    'idp.example.com/realm:a:b',
    'idp.example.com/re*lm:aud',
  ]) {
    fails(keyed(key), VENDOR_MESSAGE);
  }
});

test('identity policies keep the plain vendor:key form (OIDC claim keys belong to trust policies), with tag keys as tags spell them', () => {
  const keyed = (key: string) => doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { [key]: 'x' } } });
  fails(keyed('token.actions.githubusercontent.com:sub'), VENDOR_MESSAGE, parseIdentityPolicy);
  assert.doesNotThrow(() => parseIdentityPolicy(keyed('aws:PrincipalTag/cost:center')));
  assert.doesNotThrow(() => parseIdentityPolicy(keyed('s3:ExistingObjectTag/Data Class')));
});

test('Federated principals: OIDC and SAML provider ARNs and provider host names; anything else is invalid', () => {
  for (const v of [GITHUB, EKS, `arn:aws:iam::${A}:saml-provider/Okta`, 'cognito-identity.amazonaws.com', 'accounts.google.com', 'www.amazon.com']) {
    assert.deepEqual(classifyFederated(v), { kind: 'federated', provider: v });
  }
  const federated = (value: string) => doc({ Effect: 'Allow', Principal: { Federated: value }, Action: 'sts:AssumeRoleWithWebIdentity' });
  for (const v of ['*', 'cognito', `arn:aws:iam::${A}:oidc-provider/`, `arn:aws:iam::${A}:oidc-provider/*`, 'arn:aws:iam::1234:oidc-provider/x.example.com', `arn:aws:iam::${A}:user/alice`]) {
    fails(federated(v), `Invalid principal in policy: "Federated":"${v}"`);
  }
});

test('web identities match the Federated entry naming their provider (DIRECT) and `*` (LIMITED), nothing else', () => {
  const gh = web(GITHUB);
  const entries = (...values: string[]) => values.map((v) => classifyFederated(v) ?? classifyAwsPrincipal(v)!);
  const rows: Array<[string[], number]> = [
    [[GITHUB], DIRECT],
    [[EKS], NO_MATCH],
    [[EKS, GITHUB], DIRECT],
    [['*'], LIMITED],
    [[A], NO_MATCH],
    [[`arn:aws:iam::${A}:root`], NO_MATCH],
  ];
  for (const [values, want] of rows) assert.equal(matchPrincipal({ negated: false, entries: entries(...values) }, gh), want, values.join());
  // Signed principals are never matched by a Federated entry.
  assert.equal(matchPrincipal({ negated: false, entries: entries(GITHUB) }, alice), NO_MATCH);
  // NotPrincipal exempts a web identity when it lists its provider.
  assert.equal(matchPrincipal({ negated: true, entries: entries(GITHUB) }, gh), NO_MATCH);
  assert.equal(matchPrincipal({ negated: true, entries: entries(EKS) }, gh), LIMITED);
});

interface WebRow {
  name: string;
  policy: string;
  principal?: AccessEvaluation['principal'];
  claims: Record<string, string | string[]>;
  allowed: boolean;
  effect?: 'allow' | 'explicit-deny' | 'implicit-deny';
}

function runWeb(rows: WebRow[]): void {
  for (const row of rows) {
    const input: AccessEvaluation = {
      principal: row.principal ?? web(GITHUB, String(row.claims['token.actions.githubusercontent.com:sub'] ?? '')),
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: ROLE,
      resourceOwner: A,
      context: ctx(row.claims),
      resourcePolicy: { kind: 'trust', name: ROLE, policy: parseTrustPolicy(row.policy) },
    };
    const d = evaluateAccess(input);
    const label = `${row.name}: ${d.reason}`;
    assert.equal(d.allowed, row.allowed, label);
    assert.equal(isAccessAllowed(input), row.allowed, label);
    if (row.effect !== undefined) assert.equal(d.effect, row.effect, label);
    if (!row.allowed) assert.equal(d.message, 'Not authorized to perform sts:AssumeRoleWithWebIdentity', label);
  }
}

test('AssumeRoleWithWebIdentity: GitHub Actions style StringLike on <issuer>:sub, EKS style StringEquals on <issuer>:aud', () => {
  const gh = (sub: string, aud = 'sts.amazonaws.com') => ({ 'token.actions.githubusercontent.com:sub': sub, 'token.actions.githubusercontent.com:aud': aud });
  const eks = (aud: string, sub = 'system:serviceaccount:default:uploader') => ({
    'oidc.eks.us-west-2.amazonaws.com/id/ABC:aud': aud,
    'oidc.eks.us-west-2.amazonaws.com/id/ABC:sub': sub,
  });
  runWeb([
    { name: 'github: matching repository', policy: githubTrust, claims: gh('repo:org/app:ref:refs/heads/main'), allowed: true, effect: 'allow' },
    { name: 'github: another organisation', policy: githubTrust, claims: gh('repo:other/app:ref:refs/heads/main'), allowed: false, effect: 'implicit-deny' },
    { name: 'github: wrong audience', policy: githubTrust, claims: gh('repo:org/app', 'my-app'), allowed: false },
    { name: 'github: no claims at all', policy: githubTrust, claims: {}, allowed: false },
    { name: 'github: another provider’s identity', policy: githubTrust, principal: web(EKS), claims: gh('repo:org/app'), allowed: false },
    { name: 'eks: audience sts.amazonaws.com', policy: eksTrust, principal: web(EKS), claims: eks('sts.amazonaws.com'), allowed: true },
    { name: 'eks: another audience', policy: eksTrust, principal: web(EKS), claims: eks('kubernetes'), allowed: false },
    { name: 'eks: another service account', policy: eksTrust, principal: web(EKS), claims: eks('sts.amazonaws.com', 'system:serviceaccount:kube-system:x'), allowed: false },
    {
      name: 'condition keys are case-insensitive',
      policy: doc({ Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'Token.Actions.GitHubUserContent.com:SUB': 'repo:org/*' } } }),
      claims: gh('repo:org/x'),
      allowed: true,
    },
    {
      name: 'Principal "*" reaches web identities too',
      policy: doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'aws:FederatedProvider': GITHUB } } }),
      claims: { 'aws:FederatedProvider': GITHUB },
      allowed: true,
    },
    {
      name: 'an explicit Deny on a claim wins',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          JSON.parse(githubTrust).Statement[0],
          { Effect: 'Deny', Principal: { Federated: GITHUB }, Action: 'sts:*', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': '*:pull_request' } } },
        ],
      }),
      claims: gh('repo:org/app:pull_request'),
      allowed: false,
      effect: 'explicit-deny',
    },
    {
      name: 'a multivalued claim (amr) with ForAnyValue',
      policy: doc({
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
      }),
      principal: web('cognito-identity.amazonaws.com'),
      claims: { 'cognito-identity.amazonaws.com:amr': ['authenticated', 'cognito-identity.amazonaws.com:login'] },
      allowed: true,
    },
    {
      name: 'a statement for AWS principals does not reach web identities',
      policy: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRoleWithWebIdentity' }),
      claims: {},
      allowed: false,
    },
  ]);
});

test('a denied web identity is explained with the failing claim', () => {
  const d = evaluateAccess({
    principal: web(GITHUB, 'repo:other/app'),
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: ROLE,
    resourceOwner: A,
    context: ctx({ 'token.actions.githubusercontent.com:sub': 'repo:other/app', 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }),
    resourcePolicy: { kind: 'trust', name: ROLE, policy: parseTrustPolicy(githubTrust) },
  });
  assert.equal(d.deniedBy, 'resource-based');
  assert.equal(d.conditionFailures.length, 1);
  assert.equal(d.conditionFailures[0]!.condition.text, "token.actions.githubusercontent.com:sub 'repo:other/app' does not match 'repo:org/*'");
  assert.match(d.reason, /^denied: no statement in the trust policy of 'arn:aws:iam::111122223333:role\/deploy' grants sts:AssumeRoleWithWebIdentity on .* to the web identity 'repo:other\/app' of arn:aws:iam::111122223333:oidc-provider\/token\.actions\.githubusercontent\.com; Statement\[0\] in the trust policy of .* did not apply/);
});

test('AssumeRole: the trust policy must always allow; within the account it decides with the identity side', () => {
  const trust = (principal: unknown, extra: Record<string, unknown> = {}) => ({
    kind: 'trust' as const,
    name: ROLE,
    policy: parseTrustPolicy(doc({ Effect: 'Allow', Principal: principal, Action: ['sts:AssumeRole', 'sts:TagSession'], ...extra })),
  });
  const assumeAny = identity('assume', [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }]);
  const denyAssume = identity('deny', [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: ROLE }]);
  const deployJob = session(A, 'deploy-ci', 'job');
  const onlyS3 = identity('s3 only', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
  const cases: Array<[string, Partial<AccessEvaluation> & Pick<AccessEvaluation, 'principal'>, boolean, string?]> = [
    ['identity allows, trust names someone else: denied', { principal: alice, identityPolicies: [assumeAny], resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:user/bob` }) }, false, 'resource-based'],
    ['no trust policy statement at all for the caller’s account', { principal: rootA, resourcePolicy: trust({ AWS: B }) }, false, 'resource-based'],
    ['trust names the user: no identity policy needed', { principal: alice, resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:user/alice` }) }, true],
    ['…but an explicit deny in its identity policy still wins', { principal: alice, identityPolicies: [denyAssume], resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:user/alice` }) }, false, 'identity-based'],
    ['trust names the account: delegation to the identity side', { principal: alice, identityPolicies: [assumeAny], resourcePolicy: trust({ AWS: A }) }, true],
    ['trust names the account, identity silent', { principal: alice, resourcePolicy: trust({ AWS: A }) }, false, 'identity-based'],
    ['root of the role’s account named by its account', { principal: rootA, resourcePolicy: trust({ AWS: A }) }, true],
    ['role chaining: trust names the caller’s role', { principal: deployJob, resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:role/deploy-ci` }) }, true],
    ['…limited by a session policy that does not allow it', { principal: deployJob, sessionPolicies: [onlyS3], resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:role/deploy-ci` }) }, false, 'session'],
    ['cross account: both sides', { principal: bob, identityPolicies: [assumeAny], resourcePolicy: trust({ AWS: B }) }, true],
    ['cross account: trust alone is not enough', { principal: bob, resourcePolicy: trust({ AWS: `arn:aws:iam::${B}:user/bob` }) }, false, 'identity-based'],
    ['cross account: identity alone is not enough', { principal: bob, identityPolicies: [assumeAny], resourcePolicy: trust({ AWS: A }) }, false, 'resource-based'],
  ];
  for (const [name, partial, allowed, deniedBy] of cases) {
    const d = evaluateAccess({ action: 'sts:AssumeRole', resource: ROLE, resourceOwner: A, context: ctx(), ...partial });
    assert.equal(d.allowed, allowed, `${name}: ${d.reason}`);
    if (deniedBy !== undefined) assert.equal(d.deniedBy, deniedBy, `${name}: ${d.reason}`);
    const arn = 'arn' in partial.principal ? partial.principal.arn : '';
    if (!allowed) assert.equal(d.message, `User: ${arn} is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`);
  }
  const delegated = evaluateAccess({ principal: alice, action: 'sts:AssumeRole', resource: ROLE, resourceOwner: A, context: ctx(), identityPolicies: [assumeAny], resourcePolicy: trust({ AWS: A }) });
  assert.equal(
    delegated.reason,
    `allowed: Statement[0] in the trust policy of '${ROLE}' names the account of arn:aws:iam::${A}:user/alice, which delegates to its identity policies: Statement[0] in identity policy 'assume' allows it`,
  );
});

test('AssumeRole conditions on the STS keys: ExternalId, RoleSessionName, request tags', () => {
  const policy = parseTrustPolicy(
    doc(
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/alice` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'Unique-ID-1234' }, StringLike: { 'sts:RoleSessionName': 'ci-*' } } },
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/alice` }, Action: 'sts:TagSession', Condition: { StringEquals: { 'aws:RequestTag/cost:center': '42' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['cost:center'] } } },
    ),
  );
  const allowed = (action: string, context: Record<string, string | string[]>) =>
    isAccessAllowed({ principal: alice, action, resource: ROLE, resourceOwner: A, context: ctx(context), resourcePolicy: { kind: 'trust', name: ROLE, policy } });
  assert.equal(allowed('sts:AssumeRole', { 'sts:ExternalId': 'Unique-ID-1234', 'sts:RoleSessionName': 'ci-1' }), true);
  assert.equal(allowed('sts:AssumeRole', { 'sts:ExternalId': 'Unique-ID-9999', 'sts:RoleSessionName': 'ci-1' }), false);
  assert.equal(allowed('sts:AssumeRole', { 'sts:RoleSessionName': 'ci-1' }), false);
  assert.equal(allowed('sts:AssumeRole', { 'sts:ExternalId': 'Unique-ID-1234', 'sts:RoleSessionName': 'dev-1' }), false);
  assert.equal(allowed('sts:TagSession', { 'aws:RequestTag/cost:center': '42', 'aws:TagKeys': ['cost:center'] }), true);
  assert.equal(allowed('sts:TagSession', { 'aws:RequestTag/cost:center': '42', 'aws:TagKeys': ['cost:center', 'team'] }), false);
});
