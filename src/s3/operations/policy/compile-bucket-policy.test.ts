import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role, User } from '../../../iam/iam-entities.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { compileBucketPolicy, type BucketPolicyDirectory } from './compile-bucket-policy.ts';

const ACCT = '111122223333';
const CANONICAL = 'c'.repeat(64);
const alice = { accountId: ACCT, userId: 'AIDAALICE00000000001', userName: 'alice', path: '/eng/', arn: `arn:aws:iam::${ACCT}:user/eng/alice` } as User;
const deploy = { accountId: ACCT, roleId: 'AROADEPLOY0000000001', roleName: 'Deploy', path: '/', arn: `arn:aws:iam::${ACCT}:role/Deploy` } as Role;

/** A directory that records every lookup. */
function directory(options: { iam?: boolean } = {}) {
  const lookups: string[] = [];
  const dir: BucketPolicyDirectory = {
    iam:
      options.iam === false
        ? undefined
        : {
            async getUser(accountId, userName) {
              lookups.push(`user ${accountId} ${userName}`);
              // IAM names are case-insensitive; the ARN comparison is the caller's.
              return accountId === ACCT && userName.toLowerCase() === 'alice' ? alice : undefined;
            },
            async getRoleByArn(arn) {
              lookups.push(`role ${arn}`);
              return arn === deploy.arn ? deploy : undefined;
            },
          },
    accounts: {
      async findAccountByCanonicalId(id) {
        lookups.push(`canonical ${id}`);
        return id === CANONICAL ? { accountId: ACCT, canonicalId: CANONICAL, displayName: 'a', email: 'a@example.com' } : undefined;
      },
    },
  };
  return { dir, lookups };
}

const policy = (...principals: unknown[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: principals.map((Principal) => ({ Effect: 'Allow', Principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' })),
  });

const compileWithIds = (text: string, dir = directory().dir) => compileBucketPolicy(text, { bucket: 'photos', directory: dir });
const compile = async (text: string, dir = directory().dir) => (await compileWithIds(text, dir)).policy;

async function malformed(text: string, message: string, dir = directory().dir): Promise<void> {
  await assert.rejects(compile(text, dir), (e: unknown) => {
    assert.ok(e instanceof S3Error, String(e));
    assert.deepEqual([e.code, e.status, e.message], ['MalformedPolicy', 400, message]);
    return true;
  });
}

describe('compileBucketPolicy', () => {
  it('resolves IAM users and roles to their unique ids, and returns them by ARN to be stored with the policy', async () => {
    const { policy: p, principalIds } = await compileWithIds(policy({ AWS: [alice.arn, deploy.arn, ACCT] }));
    assert.deepEqual(principalIds, { [alice.arn]: alice.userId, [deploy.arn]: deploy.roleId });
    assert.deepEqual(
      p.statements[0]!.principal!.entries.map((e) => ('uniqueId' in e ? e.uniqueId : undefined)),
      [alice.userId, deploy.roleId, undefined],
    );
    assert.equal(p.text, policy({ AWS: [alice.arn, deploy.arn, ACCT] }));
    assert.equal(p.isPublic, false);
  });

  it('refuses users and roles this server does not have, wrong path and case included', async () => {
    for (const arn of [
      `arn:aws:iam::${ACCT}:user/ghost`,
      `arn:aws:iam::${ACCT}:user/alice`, // alice's path is /eng/
      `arn:aws:iam::${ACCT}:user/eng/Alice`, // found by name, but not that ARN
      `arn:aws:iam::444455556666:user/eng/alice`,
      `arn:aws:iam::${ACCT}:role/ghost`,
      `arn:aws:iam::${ACCT}:role/ci/Deploy`,
    ]) {
      await malformed(policy({ AWS: arn }), 'Invalid principal in policy');
    }
  });

  it('takes well-formed account principals as they are, known here or not', async () => {
    const { dir, lookups } = directory();
    await compile(policy({ AWS: ['999988887777', 'arn:aws:iam::999988887777:root'] }, '*'), dir);
    assert.deepEqual(lookups, []);
    await malformed(policy({ AWS: '9999' }), 'Invalid principal in policy');
  });

  it('accepts the canonical id of a known account only', async () => {
    await compile(policy({ CanonicalUser: CANONICAL.toUpperCase() }));
    await malformed(policy({ CanonicalUser: 'd'.repeat(64) }), 'Invalid principal in policy');
  });

  it('reports the first fault in document order: an unknown user before a later bad action', async () => {
    const text = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:user/ghost` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
        { Effect: 'Allow', Principal: '*', Action: 's3:Nope', Resource: 'arn:aws:s3:::photos/*' },
      ],
    });
    await malformed(text, 'Invalid principal in policy');
    const { dir, lookups } = directory();
    // A fault before any principal: nothing is looked up beyond what precedes it.
    const early = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:Nope', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
      ],
    });
    await malformed(early, 'Policy has invalid action', dir);
    assert.deepEqual(lookups, []);
  });

  it('looks each ARN up once', async () => {
    const { dir, lookups } = directory();
    await compile(policy({ AWS: alice.arn }, { AWS: [alice.arn, deploy.arn] }), dir);
    assert.deepEqual(lookups, ['user 111122223333 alice', `role ${deploy.arn}`]);
  });

  it('without an IAM reader, takes user and role ARNs unresolved', async () => {
    const p = await compile(policy({ AWS: `arn:aws:iam::${ACCT}:user/ghost` }), directory({ iam: false }).dir);
    assert.deepEqual(p.statements[0]!.principal!.entries[0], { kind: 'user', arn: `arn:aws:iam::${ACCT}:user/ghost`, accountId: ACCT, uniqueId: undefined });
  });

  it("passes the engine's other faults on as MalformedPolicy", async () => {
    await malformed('nope', "Policies must be valid JSON and the first byte must be '{'");
    await malformed(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }] }), 'Missing required field Principal');
    await malformed(policy('*').replace('photos/*', 'other/*'), 'Policy has invalid resource');
  });

  it('says whether the policy is public', async () => {
    assert.equal((await compile(policy('*'))).isPublic, true);
    assert.equal((await compile(policy({ AWS: '999988887777' }))).isPublic, false);
  });
});
