import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyDocumentRef } from '../iam/iam-entities.ts';
import { EngineCallerPolicyCheck } from './caller-policy-check.ts';
import type { TemporarySession } from './temporary-session.ts';
import { ACCOUNT, DEMO_ROLE_ARN, StsFixture } from './testing/sts-fixture.ts';

const allow = (action: string, resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
const inline = (document: string): PolicyDocumentRef => ({ source: 'inline', owner: 'user', ownerName: 'alice', policyName: 'p', document });

function check(policies: { identity?: string[]; boundary?: string; managed?: Record<string, string> }) {
  return new EngineCallerPolicyCheck({
    identityPolicies: async () => (policies.identity ?? []).map(inline),
    permissionsBoundary: async () => (policies.boundary === undefined ? undefined : inline(policies.boundary)),
    managedPolicyDocument: async (_account, arn) => {
      const document = policies.managed?.[arn];
      return document === undefined ? undefined : { source: 'managed', policyArn: arn, versionId: 'v1', document };
    },
  });
}

const session = (policy: Partial<TemporarySession>) => ({ policy: undefined, policyArns: [], ...policy }) as TemporarySession;

describe('EngineCallerPolicyCheck (the policy engine on the caller’s own policies)', () => {
  const f = new StsFixture();
  const request = { principal: f.alice as never, session: undefined, action: 'sts:AssumeRole', resource: DEMO_ROLE_ARN, context: new Map() };

  it('the root is never limited', async () => {
    assert.equal(await check({}).allows({ ...request, principal: f.root as never }), true);
  });

  it('an identity policy allowing sts:AssumeRole on the role', async () => {
    assert.equal(await check({}).allows(request), false);
    assert.equal(await check({ identity: [allow('sts:AssumeRole', DEMO_ROLE_ARN)] }).allows(request), true);
    assert.equal(await check({ identity: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/other')] }).allows(request), false);
    assert.equal(await check({ identity: [allow('sts:*', '*')] }).allows(request), true);
  });

  it('limited by the permissions boundary and by the session policies', async () => {
    const identity = [allow('sts:AssumeRole', '*')];
    assert.equal(await check({ identity, boundary: allow('s3:*', '*') }).allows(request), false);
    assert.equal(await check({ identity }).allows({ ...request, session: session({ policy: allow('s3:GetObject', '*') }) }), false);
    assert.equal(await check({ identity }).allows({ ...request, session: session({ policy: allow('sts:AssumeRole', '*') }) }), true);
    const arn = 'arn:aws:iam::111122223333:policy/assume';
    assert.equal(await check({ identity, managed: { [arn]: allow('sts:AssumeRole', '*') } }).allows({ ...request, session: session({ policyArns: [arn] }) }), true);
    // A session policy ARN that no longer exists leaves session policies that allow nothing.
    assert.equal(await check({ identity }).allows({ ...request, session: session({ policyArns: [arn] }) }), false);
  });

  it('reads a role session’s role policies by its role id', async () => {
    const asked: unknown[] = [];
    const c = new EngineCallerPolicyCheck({
      identityPolicies: async (owner) => (asked.push(owner), [inline(allow('sts:AssumeRole', '*'))]),
      permissionsBoundary: async () => undefined,
      managedPolicyDocument: async () => undefined,
    });
    const rolePrincipal = { type: 'AssumedRole', account: ACCOUNT, arn: 'arn:aws:sts::111122223333:assumed-role/demo/s', roleArn: DEMO_ROLE_ARN, roleName: 'demo', userId: 'AROADEMOXXXXXXXXXXXXX:s', sessionName: 's' } as const;
    assert.equal(await c.allows({ ...request, principal: rolePrincipal }), true);
    assert.deepEqual(asked, [{ roleId: 'AROADEMOXXXXXXXXXXXXX' }]);
  });
});
