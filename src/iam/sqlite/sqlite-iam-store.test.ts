import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isCredentialFailure } from '../../auth/credential-store.ts';
import type { Account } from '../../auth/principal.ts';
import { IamError } from '../iam-error.ts';
import { SqliteIdentityStore } from './sqlite-identity-store.ts';

const DOC = (action = 's3:GetObject') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

async function rejects(p: Promise<unknown>, code: string, message?: string | RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof IamError, String(e));
    assert.equal(e.code, code);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  });
}

describe('SqliteIamStore', () => {
  let dir: string;
  let now = Date.UTC(2024, 4, 1, 12);
  let store: SqliteIdentityStore;
  let account: Account;
  let acct: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coffer-iam-'));
    store = new SqliteIdentityStore({ dir, masterKey: Buffer.alloc(32, 7), now: () => now, durability: 'none' });
    account = await store.createAccount({ displayName: 'a', email: 'a@example.com', isDefault: true });
    acct = account.accountId;
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates users with AIDA ids; names are unique case-insensitively but keep their case', async () => {
    const u = await store.iam.users.create({ accountId: acct, userName: 'Alice', path: '/eng/', tags: [{ key: 't', value: 'v' }] });
    assert.match(u.userId, /^AIDA[A-Z2-7]{17}$/);
    assert.equal(u.arn, `arn:aws:iam::${acct}:user/eng/Alice`);
    await rejects(store.iam.users.create({ accountId: acct, userName: 'ALICE', path: '/' }), 'EntityAlreadyExists', 'User with name ALICE already exists.');
    assert.equal((await store.iam.users.get(acct, 'alice'))?.userName, 'Alice');
    assert.deepEqual((await store.iam.users.get(acct, 'alice'))?.tags, [{ key: 't', value: 'v' }]);
    assert.deepEqual((await store.iam.users.list(acct, { pathPrefix: '/eng' })).map((x) => x.userName), ['Alice']);
    assert.deepEqual(await store.iam.users.list(acct, { pathPrefix: '/ops' }), []);
  });

  it('resolves an IAM user key to a User principal; inactive keys fail at once; deleted keys are gone', async () => {
    const key = await store.iam.accessKeys.create(acct, 'alice');
    assert.equal(key.userName, 'Alice');
    const resolved = await store.resolve(key.accessKeyId, undefined, now);
    assert.ok(!isCredentialFailure(resolved));
    assert.deepEqual(resolved.principal, {
      type: 'User',
      account,
      arn: `arn:aws:iam::${acct}:user/eng/Alice`,
      userName: 'Alice',
      userId: (await store.iam.users.get(acct, 'alice'))!.userId,
    });
    await store.iam.accessKeys.setStatus(acct, 'Alice', key.accessKeyId, 'Inactive');
    assert.deepEqual(await store.resolve(key.accessKeyId, undefined, now), { failure: 'inactive-key' });
    await store.iam.accessKeys.setStatus(acct, 'Alice', key.accessKeyId, 'Active');
    assert.ok(!isCredentialFailure(await store.resolve(key.accessKeyId, undefined, now)));
    await rejects(store.iam.accessKeys.setStatus(acct, undefined, key.accessKeyId, 'Inactive'), 'NoSuchEntity', `The Access Key with id ${key.accessKeyId} cannot be found.`);
    await store.iam.accessKeys.delete(acct, 'alice', key.accessKeyId);
    assert.deepEqual(await store.resolve(key.accessKeyId, undefined, now), { failure: 'unknown-key' });
  });

  it('allows two keys per user: LimitExceeded AccessKeysPerUser: 2', async () => {
    await store.iam.users.create({ accountId: acct, userName: 'keys', path: '/' });
    const a = await store.iam.accessKeys.create(acct, 'keys');
    const b = await store.iam.accessKeys.create(acct, 'keys');
    await rejects(store.iam.accessKeys.create(acct, 'keys'), 'LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2');
    assert.deepEqual((await store.iam.accessKeys.list(acct, 'keys')).map((k) => k.accessKeyId).sort(), [a.accessKeyId, b.accessKeyId].sort());
    await rejects(store.iam.users.delete(acct, 'keys'), 'DeleteConflict', 'Cannot delete entity, must delete access keys first.');
    await store.iam.accessKeys.delete(acct, 'keys', a.accessKeyId);
    await store.iam.accessKeys.delete(acct, 'keys', b.accessKeyId);
    await store.iam.users.delete(acct, 'keys');
    await rejects(store.iam.accessKeys.list(acct, 'keys'), 'NoSuchEntity', 'The user with name keys cannot be found.');
  });

  it('records a key’s last use at most once a minute', async () => {
    await store.iam.users.create({ accountId: acct, userName: 'used', path: '/' });
    const key = await store.iam.accessKeys.create(acct, 'used');
    assert.deepEqual(await store.iam.accessKeys.lastUsed(acct, key.accessKeyId), { userName: 'used', lastUsedAt: undefined, serviceName: undefined, region: undefined });
    const sign = async (at: number, service: string) => {
      const c = await store.resolve(key.accessKeyId, undefined, at);
      assert.ok(!isCredentialFailure(c));
      c.signingKey('20240501', 'eu-west-1', service);
    };
    await sign(now, 's3');
    assert.deepEqual(await store.iam.accessKeys.lastUsed(acct, key.accessKeyId), { userName: 'used', lastUsedAt: now, serviceName: 's3', region: 'eu-west-1' });
    await sign(now + 30_000, 'iam');
    assert.equal((await store.iam.accessKeys.lastUsed(acct, key.accessKeyId)).serviceName, 's3', 'within the minute: not written');
    await sign(now + 61_000, 'iam');
    assert.deepEqual(await store.iam.accessKeys.lastUsed(acct, key.accessKeyId), { userName: 'used', lastUsedAt: now + 61_000, serviceName: 'iam', region: 'eu-west-1' });
  });

  it('reports DeleteUser conflicts in AWS order: keys, inline policies, attached policies, groups', async () => {
    await store.iam.users.create({ accountId: acct, userName: 'bob', path: '/' });
    const ref = { kind: 'user' as const, accountId: acct, name: 'bob' };
    await store.iam.inlinePolicies.put(ref, 'p', DOC());
    await rejects(store.iam.users.delete(acct, 'bob'), 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
    await store.iam.inlinePolicies.delete(ref, 'p');
    await store.iam.attachments.attach(ref, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    await rejects(store.iam.users.delete(acct, 'bob'), 'DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    await store.iam.attachments.detach(ref, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    await store.iam.groups.create({ accountId: acct, groupName: 'devs', path: '/' });
    await store.iam.groups.addUser(acct, 'devs', 'bob');
    await store.iam.groups.addUser(acct, 'DEVS', 'BOB');
    assert.deepEqual((await store.iam.groups.members(acct, 'devs')).map((u) => u.userName), ['bob']);
    await rejects(store.iam.users.delete(acct, 'bob'), 'DeleteConflict', 'Cannot delete entity, must remove user from all groups first.');
    await rejects(store.iam.groups.delete(acct, 'devs'), 'DeleteConflict', 'Cannot delete entity, must remove users from group first.');
    await store.iam.groups.removeUser(acct, 'devs', 'bob');
    await rejects(store.iam.groups.removeUser(acct, 'devs', 'bob'), 'NoSuchEntity');
    await store.iam.users.delete(acct, 'bob');
    await store.iam.groups.delete(acct, 'devs');
    assert.equal(await store.iam.users.get(acct, 'bob'), undefined);
  });

  it('renames a user: keys and policies follow its id', async () => {
    await store.iam.users.create({ accountId: acct, userName: 'carol', path: '/' });
    const key = await store.iam.accessKeys.create(acct, 'carol');
    await store.iam.users.update(acct, 'carol', { newUserName: 'caroline', newPath: '/x/' });
    const c = await store.resolve(key.accessKeyId, undefined, now);
    assert.ok(!isCredentialFailure(c) && c.principal.type === 'User');
    assert.equal(c.principal.arn, `arn:aws:iam::${acct}:user/x/caroline`);
    await rejects(store.iam.users.update(acct, 'caroline', { newUserName: 'ALICE' }), 'EntityAlreadyExists');
  });

  it('enforces the aggregate inline-policy budget per entity', async () => {
    await store.iam.users.create({ accountId: acct, userName: 'big', path: '/' });
    const ref = { kind: 'user' as const, accountId: acct, name: 'big' };
    const big = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:' + 'A'.repeat(n), Resource: '*' }] });
    await store.iam.inlinePolicies.put(ref, 'one', big(1500));
    await rejects(store.iam.inlinePolicies.put(ref, 'two', big(600)), 'LimitExceeded', 'Maximum policy size of 2048 bytes exceeded for user big');
    await store.iam.inlinePolicies.put(ref, 'one', big(1900)); // replacing counts once
    assert.deepEqual(await store.iam.inlinePolicies.list(ref), ['one']);
    await rejects(store.iam.inlinePolicies.get({ ...ref, name: 'nobody' }, 'one'), 'NoSuchEntity', 'The user with name nobody cannot be found.');
    await rejects(store.iam.inlinePolicies.delete(ref, 'zzz'), 'NoSuchEntity', 'The user policy with name zzz cannot be found.');
  });

  it('versions managed policies: v1…, at most 5, ids never reused, default not deletable', async () => {
    const p = await store.iam.managedPolicies.create({ accountId: acct, policyName: 'Readers', path: '/team/', document: DOC() });
    assert.match(p.policyId, /^ANPA/);
    assert.equal(p.arn, `arn:aws:iam::${acct}:policy/team/Readers`);
    assert.equal(p.defaultVersionId, 'v1');
    await rejects(
      store.iam.managedPolicies.create({ accountId: acct, policyName: 'readers', path: '/', document: DOC() }),
      'EntityAlreadyExists',
      'A policy called readers already exists. Duplicate names are not allowed.',
    );
    for (let i = 2; i <= 5; i++) {
      const v = await store.iam.managedPolicies.createVersion(acct, p.arn, DOC(`s3:Get${i}`), { setAsDefault: i === 3 });
      assert.equal(v.versionId, `v${i}`);
    }
    await rejects(store.iam.managedPolicies.createVersion(acct, p.arn, DOC(), { setAsDefault: false }), 'LimitExceeded', /up to 5 versions/);
    await rejects(store.iam.managedPolicies.deleteVersion(acct, p.arn, 'v3'), 'DeleteConflict', 'Cannot delete the default version of a policy.');
    await store.iam.managedPolicies.deleteVersion(acct, p.arn, 'v2');
    assert.equal((await store.iam.managedPolicies.createVersion(acct, p.arn, DOC(), { setAsDefault: false })).versionId, 'v6');
    assert.deepEqual((await store.iam.managedPolicies.listVersions(acct, p.arn)).map((v) => [v.versionId, v.isDefaultVersion]), [
      ['v6', false],
      ['v5', false],
      ['v4', false],
      ['v3', true],
      ['v1', false],
    ]);
    await rejects(store.iam.managedPolicies.getVersion(acct, p.arn, 'v2'), 'NoSuchEntity', `Policy ${p.arn} version v2 does not exist or is not attachable.`);
    await rejects(store.iam.managedPolicies.delete(acct, p.arn), 'DeleteConflict', /more than one version/);
    for (const v of ['v1', 'v4', 'v5', 'v6']) await store.iam.managedPolicies.deleteVersion(acct, p.arn, v);
    await store.iam.users.create({ accountId: acct, userName: 'dave', path: '/' });
    await store.iam.attachments.attach({ kind: 'user', accountId: acct, name: 'dave' }, p.arn);
    assert.equal((await store.iam.managedPolicies.get(acct, p.arn))?.attachmentCount, 1);
    await rejects(store.iam.managedPolicies.delete(acct, p.arn), 'DeleteConflict', 'Cannot delete a policy attached to entities.');
    await store.iam.attachments.detach({ kind: 'user', accountId: acct, name: 'dave' }, p.arn);
    await store.iam.managedPolicies.delete(acct, p.arn);
    assert.equal(await store.iam.managedPolicies.get(acct, p.arn), undefined);
  });

  it('ships the AWS managed policies, shared by every account and unmodifiable', async () => {
    const full = await store.iam.managedPolicies.get(acct, 'arn:aws:iam::aws:policy/AmazonS3FullAccess');
    assert.equal(full?.defaultVersionId, 'v2');
    const ro = await store.iam.managedPolicies.getVersion(acct, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'v3');
    assert.deepEqual(JSON.parse(ro.document).Statement[0].Action, ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']);
    assert.ok(ro.isDefaultVersion);
    await rejects(store.iam.managedPolicies.createVersion(acct, full!.arn, DOC(), { setAsDefault: true }), 'UnmodifiableEntity');
    await rejects(store.iam.managedPolicies.delete(acct, full!.arn), 'UnmodifiableEntity');
    const aws = await store.iam.managedPolicies.list(acct, { scope: 'AWS' });
    assert.ok(aws.some((p) => p.policyName === 'AdministratorAccess'));
    assert.ok((await store.iam.managedPolicies.list(acct, { scope: 'Local' })).every((p) => p.accountId === acct));
  });

  it('caps attached policies at 10 per entity and lists entities for a policy', async () => {
    await store.iam.roles.create({ accountId: acct, roleName: 'many', path: '/', assumeRolePolicyDocument: '{}' });
    const ref = { kind: 'role' as const, accountId: acct, name: 'many' };
    const arns: string[] = [];
    for (let i = 0; i < 11; i++) arns.push((await store.iam.managedPolicies.create({ accountId: acct, policyName: `p${i}`, path: '/', document: DOC() })).arn);
    for (const arn of arns.slice(0, 10)) await store.iam.attachments.attach(ref, arn);
    await store.iam.attachments.attach(ref, arns[0]!); // idempotent
    await rejects(store.iam.attachments.attach(ref, arns[10]!), 'LimitExceeded', 'Cannot exceed quota for PoliciesPerRole: 10');
    await rejects(store.iam.attachments.attach(ref, `arn:aws:iam::${acct}:policy/nope`), 'NoSuchEntity', `Policy arn:aws:iam::${acct}:policy/nope does not exist or is not attachable.`);
    const entities = await store.iam.attachments.entitiesForPolicy(acct, arns[0]!);
    assert.deepEqual(entities.roles.map((r) => r.roleName), ['many']);
    await rejects(store.iam.roles.delete(acct, 'many'), 'DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    for (const arn of arns.slice(0, 10)) await store.iam.attachments.detach(ref, arn);
    await rejects(store.iam.attachments.detach(ref, arns[0]!), 'NoSuchEntity', `Policy ${arns[0]} was not found.`);
    await store.iam.roles.delete(acct, 'many');
  });

  it('reads identity policies and boundaries for STS and the authorizer', async () => {
    await store.iam.users.create({ accountId: acct, userName: 'erin', path: '/' });
    await store.iam.groups.create({ accountId: acct, groupName: 'ops', path: '/' });
    await store.iam.groups.addUser(acct, 'ops', 'erin');
    await store.iam.inlinePolicies.put({ kind: 'user', accountId: acct, name: 'erin' }, 'own', DOC('s3:PutObject'));
    await store.iam.inlinePolicies.put({ kind: 'group', accountId: acct, name: 'ops' }, 'grp', DOC('s3:DeleteObject'));
    await store.iam.attachments.attach({ kind: 'group', accountId: acct, name: 'ops' }, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    await store.iam.permissionsBoundaries.set({ kind: 'user', accountId: acct, name: 'erin' }, 'arn:aws:iam::aws:policy/AmazonS3FullAccess');
    const erin = (await store.iam.users.get(acct, 'erin'))!;
    assert.equal(erin.permissionsBoundary, 'arn:aws:iam::aws:policy/AmazonS3FullAccess');
    const policies = await store.iam.identityPolicies({ userId: erin.userId });
    assert.deepEqual(
      policies.map((p) => (p.source === 'inline' ? `${p.owner}:${p.ownerName}:${p.policyName}` : `${p.policyArn}@${p.versionId}`)),
      ['user:erin:own', 'group:ops:grp', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess@v3'],
    );
    const boundary = await store.iam.permissionsBoundary({ userId: erin.userId });
    assert.equal(boundary?.source === 'managed' && boundary.versionId, 'v2');
    assert.equal((await store.iam.managedPolicies.get(acct, 'arn:aws:iam::aws:policy/AmazonS3FullAccess'))?.permissionsBoundaryUsageCount, 1);
    assert.deepEqual(await store.iam.identityPolicies({ userId: 'AIDANOBODY' }), []);
  });

  it('finds roles by ARN (path included) and id', async () => {
    const role = await store.iam.roles.create({ accountId: acct, roleName: 'Deploy', path: '/ci/', assumeRolePolicyDocument: '{}', maxSessionDuration: 7200 });
    assert.match(role.roleId, /^AROA/);
    assert.equal((await store.iam.getRoleByArn(`arn:aws:iam::${acct}:role/ci/Deploy`))?.roleId, role.roleId);
    assert.equal(await store.iam.getRoleByArn(`arn:aws:iam::${acct}:role/Deploy`), undefined);
    assert.equal((await store.iam.getRoleById(role.roleId))?.maxSessionDuration, 7200);
    await store.iam.roles.update(acct, 'deploy', { description: 'ci' });
    assert.deepEqual([(await store.iam.getRole(acct, 'Deploy'))?.description, (await store.iam.getRole(acct, 'Deploy'))?.maxSessionDuration], ['ci', 7200]);
  });

  it('stores OIDC providers with their JWKS setting and finds them by issuer', async () => {
    const p = await store.iam.openIdConnectProviders.create({
      accountId: acct,
      url: 'https://token.example.com/tenant/',
      clientIds: ['aud'],
      thumbprints: [],
      jwks: { kind: 'inline', json: '{"keys":[]}' },
    });
    assert.equal(p.arn, `arn:aws:iam::${acct}:oidc-provider/token.example.com/tenant`);
    assert.deepEqual((await store.iam.findOpenIdConnectProvider(acct, 'https://token.example.com/tenant'))?.jwks, { kind: 'inline', json: '{"keys":[]}' });
    assert.equal((await store.iam.getOpenIdConnectProvider(p.arn))?.url, 'token.example.com/tenant');
    await rejects(
      store.iam.openIdConnectProviders.create({ accountId: acct, url: 'https://token.example.com/tenant', clientIds: [], thumbprints: [] }),
      'EntityAlreadyExists',
    );
    await store.iam.openIdConnectProviders.delete(acct, p.arn);
    await rejects(store.iam.openIdConnectProviders.delete(acct, p.arn), 'NoSuchEntity', `OpenIDConnect Provider not found for arn ${p.arn}`);
  });

  it('keeps IAM data across a reopen (migrations run once)', async () => {
    await store.close();
    store = new SqliteIdentityStore({ dir, masterKey: Buffer.alloc(32, 7), now: () => now, durability: 'none' });
    assert.equal((await store.iam.users.get(acct, 'alice'))?.path, '/eng/');
    now += 1;
  });
});
