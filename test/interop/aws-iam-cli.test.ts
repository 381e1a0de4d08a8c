/**
 * `aws iam …` (Debian's awscli) against Coffer: the IAM recipes a user follows — a user with
 * AmazonS3ReadOnlyAccess and an access key, a role with a trust policy file and an inline
 * policy — and the errors exactly as the CLI prints them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool, runTool } from './run-tool.ts';

const AWS = '/usr/bin/aws';
const skip = missingTool(AWS, 'awscli');

describe('aws iam (CLI)', { skip }, () => {
  let t: TestCoffer;
  let work: string;
  let acct: string;
  const aws = (credentials: { accessKeyId: string; secretAccessKey: string }, ...args: string[]) =>
    runTool(AWS, ['--endpoint-url', t.endpoint, '--no-cli-pager', '--output', 'json', ...args], {
      env: {
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
  const ok = async (...args: string[]) => {
    const r = await aws(t.credentials, ...args);
    assert.equal(r.code, 0, `aws ${args.join(' ')}\n${r.stderr}`);
    return r.stdout.trim() === '' ? {} : JSON.parse(r.stdout);
  };
  const fails = async (args: string[], stderr: string) => {
    const r = await aws(t.credentials, ...args);
    assert.notEqual(r.code, 0);
    assert.equal(r.stderr.trim(), stderr);
  };

  before(async () => {
    t = await startTestCoffer();
    acct = t.coffer.account.accountId;
    work = mkdtempSync(join(tmpdir(), 'coffer-iam-cli-'));
  });
  after(async () => {
    await t.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('create-user, attach-user-policy AmazonS3ReadOnlyAccess, create-access-key, list-attached-user-policies', async () => {
    const created = await ok('iam', 'create-user', '--user-name', 'alice');
    assert.equal(created.User.Arn, `arn:aws:iam::${acct}:user/alice`);
    assert.match(created.User.UserId, /^AIDA/);
    await ok('iam', 'attach-user-policy', '--user-name', 'alice', '--policy-arn', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    const key = (await ok('iam', 'create-access-key', '--user-name', 'alice')).AccessKey;
    assert.deepEqual([key.UserName, key.Status], ['alice', 'Active']);
    assert.match(key.AccessKeyId, /^AKIA[A-Z0-9]{16}$/);
    const attached = await ok('iam', 'list-attached-user-policies', '--user-name', 'alice');
    assert.deepEqual(attached.AttachedPolicies, [{ PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }]);
    // The new key works at once, for what its policy allows: reading S3, not IAM.
    const asAlice = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
    const buckets = await aws(asAlice, 's3api', 'list-buckets');
    assert.equal(buckets.code, 0, buckets.stderr);
    const self = await aws(asAlice, 'iam', 'get-user');
    assert.notEqual(self.code, 0);
    assert.match(
      self.stderr,
      new RegExp(`An error occurred \\(AccessDenied\\) when calling the GetUser operation: User: arn:aws:iam::${acct}:user/alice is not authorized to perform: iam:GetUser on resource: arn:aws:iam::${acct}:user/alice because no identity-based policy allows the iam:GetUser action`),
    );
    const listed = await ok('iam', 'list-access-keys', '--user-name', 'alice');
    assert.equal(listed.AccessKeyMetadata[0].AccessKeyId, key.AccessKeyId);
    const policy = await ok('iam', 'get-policy-version', '--policy-arn', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', '--version-id', 'v3');
    assert.deepEqual(policy.PolicyVersion.Document.Statement[0].Action, ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']);
  });

  it('create-role with a trust policy file, put-role-policy, get-role', async () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:user/alice` }, Action: 'sts:AssumeRole' }] };
    writeFileSync(join(work, 'trust.json'), JSON.stringify(trust, null, 2));
    const permissions = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::photos/*' }] };
    writeFileSync(join(work, 'permissions.json'), JSON.stringify(permissions));
    const created = await ok('iam', 'create-role', '--role-name', 'photo-uploader', '--assume-role-policy-document', `file://${join(work, 'trust.json')}`);
    assert.equal(created.Role.Arn, `arn:aws:iam::${acct}:role/photo-uploader`);
    await ok('iam', 'put-role-policy', '--role-name', 'photo-uploader', '--policy-name', 'photos', '--policy-document', `file://${join(work, 'permissions.json')}`);
    const role = (await ok('iam', 'get-role', '--role-name', 'photo-uploader')).Role;
    // The CLI decodes the URL-encoded document back into JSON.
    assert.deepEqual(role.AssumeRolePolicyDocument, trust);
    assert.equal(role.MaxSessionDuration, 3600);
    assert.deepEqual((await ok('iam', 'get-role-policy', '--role-name', 'photo-uploader', '--policy-name', 'photos')).PolicyDocument, permissions);
  });

  it('prints NoSuchEntity, EntityAlreadyExists, DeleteConflict and MalformedPolicyDocument as AWS would', async () => {
    await fails(['iam', 'get-user', '--user-name', 'nobody'], 'An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name nobody cannot be found.');
    await fails(['iam', 'get-role', '--role-name', 'nope'], 'An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nope cannot be found.');
    await fails(['iam', 'create-user', '--user-name', 'alice'], 'An error occurred (EntityAlreadyExists) when calling the CreateUser operation: User with name alice already exists.');
    await fails(
      ['iam', 'create-role', '--role-name', 'photo-uploader', '--assume-role-policy-document', `file://${join(work, 'trust.json')}`],
      'An error occurred (EntityAlreadyExists) when calling the CreateRole operation: Role with name photo-uploader already exists.',
    );
    await fails(['iam', 'delete-user', '--user-name', 'alice'], 'An error occurred (DeleteConflict) when calling the DeleteUser operation: Cannot delete entity, must delete access keys first.');
    await fails(
      ['iam', 'put-user-policy', '--user-name', 'alice', '--policy-name', 'p', '--policy-document', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}'],
      'An error occurred (MalformedPolicyDocument) when calling the PutUserPolicy operation: Policy document should not specify a principal.',
    );
  });
});
