import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../../auth/principal.ts';
import { parseIdentityPolicy, parseSessionPolicy, type NamedPolicy } from '../../authz/policy/index.ts';
import { QueryApiError } from '../../query-api/query-error.ts';
import type { CallerPolicySet } from '../sts-deps.ts';
import type { StsRole } from '../sts-directory.ts';
import { ACCOUNT, ALICE_ARN, StsFixture } from '../testing/sts-fixture.ts';
import { authorizeRoleAssumption, type RoleCaller } from './authorize-role-assumption.ts';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/target';
const PROVIDER = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

const role = (statements: unknown[] | string): StsRole => ({
  accountId: ACCOUNT.accountId,
  roleName: 'target',
  roleId: 'AROATARGETXXXXXXXXXX1',
  arn: ROLE_ARN,
  trustPolicy: typeof statements === 'string' ? statements : JSON.stringify({ Version: '2012-10-17', Statement: statements }),
  maxSessionDurationSeconds: 3600,
});
const policy = (name: string, effect: 'Allow' | 'Deny', action: string, parse = parseIdentityPolicy): NamedPolicy => ({
  name,
  policy: parse(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: '*' }] })),
});

async function decide(input: {
  role: StsRole;
  caller: RoleCaller;
  actions?: string[];
  context?: Record<string, string | string[]>;
  /** `unreadable`: loading them fails the test. */
  callerPolicies?: CallerPolicySet | 'unreadable';
}): Promise<string> {
  const load = async (): Promise<CallerPolicySet> => {
    if (input.callerPolicies === 'unreadable') throw new Error('the caller policies were read');
    return input.callerPolicies ?? { identityPolicies: [] };
  };
  const deps = { callerPolicies: { load } };
  try {
    await authorizeRoleAssumption(deps, {
      role: input.role,
      caller: input.caller,
      actions: input.actions ?? ['sts:AssumeRole'],
      context: new Map(Object.entries(input.context ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      deny: (action) => new QueryApiError(403, 'AccessDenied', `denied ${action}`),
    });
    return 'allowed';
  } catch (e) {
    if (e instanceof QueryApiError) return e.message;
    throw e;
  }
}

describe('authorizeRoleAssumption (the policy engine on trust policies)', () => {
  const f = new StsFixture();
  const alice: RoleCaller = { principal: f.alice as Exclude<Principal, { type: 'Anonymous' }>, session: undefined };
  const trustAlice = { Effect: 'Allow', Principal: { AWS: ALICE_ARN }, Action: ['sts:AssumeRole', 'sts:TagSession'] };

  it('a trust policy naming the caller allows, unless the caller’s own policy denies explicitly', async () => {
    assert.equal(await decide({ role: role([trustAlice]), caller: alice }), 'allowed');
    assert.equal(await decide({ role: role([trustAlice]), caller: alice, callerPolicies: { identityPolicies: [policy('no', 'Deny', 'sts:AssumeRole')] } }), 'denied sts:AssumeRole');
  });

  it('the caller’s own policies never stand in for the trust policy', async () => {
    const others = role([{ ...trustAlice, Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' } }]);
    assert.equal(await decide({ role: others, caller: alice, callerPolicies: { identityPolicies: [policy('all', 'Allow', 'sts:*')] } }), 'denied sts:AssumeRole');
  });

  it('every action asked for must be allowed; the first refused is the one reported', async () => {
    assert.equal(await decide({ role: role([trustAlice]), caller: alice, actions: ['sts:AssumeRole', 'sts:TagSession'] }), 'allowed');
    assert.equal(await decide({ role: role([trustAlice]), caller: alice, actions: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }), 'denied sts:SetSourceIdentity');
  });

  it('a role session named by its role ARN is limited by its session policies', async () => {
    const session: RoleCaller = {
      principal: { type: 'AssumedRole', account: ACCOUNT, arn: 'arn:aws:sts::111122223333:assumed-role/ci/job', roleArn: 'arn:aws:iam::111122223333:role/ci', roleName: 'ci', userId: 'AROACIXXXXXXXXXXXXXXX:job', sessionName: 'job' },
      session: undefined,
    };
    const trustCi = role([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' }, Action: 'sts:AssumeRole' }]);
    assert.equal(await decide({ role: trustCi, caller: session }), 'allowed');
    const s3Only = { identityPolicies: [], sessionPolicies: [policy('session policy', 'Allow', 's3:*', parseSessionPolicy)] };
    assert.equal(await decide({ role: trustCi, caller: session, callerPolicies: s3Only }), 'denied sts:AssumeRole');
  });

  it('conditions read the request context (sts:ExternalId)', async () => {
    const external = role([{ ...trustAlice, Condition: { StringEquals: { 'sts:ExternalId': 'Unique-ID-1234' } } }]);
    assert.equal(await decide({ role: external, caller: alice, context: { 'sts:ExternalId': 'Unique-ID-1234' } }), 'allowed');
    assert.equal(await decide({ role: external, caller: alice, context: { 'sts:ExternalId': 'other' } }), 'denied sts:AssumeRole');
  });

  it('web identities: the Federated provider and the token’s claims decide, no caller policies are read', async () => {
    const github = role([
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/*' } },
      },
    ]);
    const caller = (provider: string): RoleCaller => ({ principal: { type: 'WebIdentityUser', provider, subject: 'repo:org/app' } });
    const claims = (sub: string) => ({ 'token.actions.githubusercontent.com:sub': sub, 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' });
    const actions = ['sts:AssumeRoleWithWebIdentity'];
    assert.equal(await decide({ role: github, caller: caller(PROVIDER), actions, context: claims('repo:org/app:ref:refs/heads/main'), callerPolicies: 'unreadable' }), 'allowed');
    assert.equal(await decide({ role: github, caller: caller(PROVIDER), actions, context: claims('repo:evil/app') }), 'denied sts:AssumeRoleWithWebIdentity');
    assert.equal(
      await decide({ role: github, caller: caller('arn:aws:iam::111122223333:oidc-provider/other.example.com'), actions, context: claims('repo:org/app') }),
      'denied sts:AssumeRoleWithWebIdentity',
    );
  });

  it('a stored trust policy that does not parse allows nothing', async () => {
    assert.equal(await decide({ role: role('{"Statement": "nope"}'), caller: alice }), 'denied sts:AssumeRole');
  });
});
