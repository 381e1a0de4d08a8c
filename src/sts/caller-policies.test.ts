import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAccessAllowed, parseTrustPolicy, RequestContext } from '../authz/policy/index.ts';
import type { PolicyDocumentRef } from '../iam/iam-entities.ts';
import { IamCallerPolicies } from './caller-policies.ts';
import type { CallerPolicies } from './sts-deps.ts';
import type { TemporarySession } from './temporary-session.ts';
import { ACCOUNT, DEMO_ROLE_ARN, StsFixture } from './testing/sts-fixture.ts';

const allow = (action: string, resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
const inline = (document: string): PolicyDocumentRef => ({ source: 'inline', owner: 'user', ownerName: 'alice', policyName: 'p', document });

function loader(policies: { identity?: string[]; boundary?: string; managed?: Record<string, string> }): IamCallerPolicies {
  return new IamCallerPolicies({
    identityPolicies: async () => (policies.identity ?? []).map(inline),
    permissionsBoundary: async () => (policies.boundary === undefined ? undefined : inline(policies.boundary)),
    managedPolicyDocument: async (_account, arn) => {
      const document = policies.managed?.[arn];
      return document === undefined ? undefined : { source: 'managed', policyArn: arn, versionId: 'v1', document };
    },
  });
}

/** A trust policy naming the account: the caller's own policies decide (delegation). */
const delegating = {
  kind: 'trust' as const,
  name: DEMO_ROLE_ARN,
  policy: parseTrustPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT.accountId }, Action: 'sts:AssumeRole' }] })),
};

type Caller = Parameters<CallerPolicies['load']>[0];

async function allows(policies: IamCallerPolicies, caller: Caller): Promise<boolean> {
  const loaded = await policies.load(caller);
  return isAccessAllowed({
    principal: caller.principal,
    action: 'sts:AssumeRole',
    resource: DEMO_ROLE_ARN,
    resourceOwner: ACCOUNT.accountId,
    context: RequestContext.from({}),
    resourcePolicy: delegating,
    ...loaded,
  });
}

const session = (policy: Partial<TemporarySession>) => ({ policy: undefined, policyArns: [], ...policy }) as TemporarySession;

describe('IamCallerPolicies (the caller’s own policies, for the policy engine)', () => {
  const f = new StsFixture();
  const request: Caller = { principal: f.alice as Caller['principal'], session: undefined };

  it('the root has none, and is never limited', async () => {
    const root = { ...request, principal: f.root as Caller['principal'] };
    assert.deepEqual(await loader({ identity: [allow('s3:*', '*')] }).load(root), { identityPolicies: [] });
    assert.equal(await allows(loader({}), root), true);
  });

  it('an identity policy allowing sts:AssumeRole on the role', async () => {
    assert.equal(await allows(loader({}), request), false);
    assert.equal(await allows(loader({ identity: [allow('sts:AssumeRole', DEMO_ROLE_ARN)] }), request), true);
    assert.equal(await allows(loader({ identity: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/other')] }), request), false);
    assert.equal(await allows(loader({ identity: [allow('sts:*', '*')] }), request), true);
  });

  it('limited by the permissions boundary and by the session policies', async () => {
    const identity = [allow('sts:AssumeRole', '*')];
    assert.equal(await allows(loader({ identity, boundary: allow('s3:*', '*') }), request), false);
    assert.equal(await allows(loader({ identity }), { ...request, session: session({ policy: allow('s3:GetObject', '*') }) }), false);
    assert.equal(await allows(loader({ identity }), { ...request, session: session({ policy: allow('sts:AssumeRole', '*') }) }), true);
    const arn = 'arn:aws:iam::111122223333:policy/assume';
    assert.equal(await allows(loader({ identity, managed: { [arn]: allow('sts:AssumeRole', '*') } }), { ...request, session: session({ policyArns: [arn] }) }), true);
    // A session policy ARN that no longer exists leaves session policies that allow nothing.
    const gone = await loader({ identity }).load({ ...request, session: session({ policyArns: [arn] }) });
    assert.deepEqual(gone.sessionPolicies, []);
    assert.equal(await allows(loader({ identity }), { ...request, session: session({ policyArns: [arn] }) }), false);
  });

  it('a policy that no longer parses grants nothing', async () => {
    assert.equal(await allows(loader({ identity: ['{not json', allow('s3:*', '*')] }), request), false);
  });

  it('reads a role session’s role policies by its role id', async () => {
    const asked: unknown[] = [];
    const c = new IamCallerPolicies({
      identityPolicies: async (owner) => (asked.push(owner), [inline(allow('sts:AssumeRole', '*'))]),
      permissionsBoundary: async () => undefined,
      managedPolicyDocument: async () => undefined,
    });
    const rolePrincipal = { type: 'AssumedRole', account: ACCOUNT, arn: 'arn:aws:sts::111122223333:assumed-role/demo/s', roleArn: DEMO_ROLE_ARN, roleName: 'demo', userId: 'AROADEMOXXXXXXXXXXXXX:s', sessionName: 's' } as const;
    assert.equal(await allows(c, { ...request, principal: rolePrincipal }), true);
    assert.deepEqual(asked, [{ roleId: 'AROADEMOXXXXXXXXXXXXX' }]);
  });
});
