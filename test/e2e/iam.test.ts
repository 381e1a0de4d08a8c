/**
 * The IAM Query API end to end with @aws-sdk/client-iam: every action Coffer answers, its
 * errors (name, message, HTTP status as AWS sends them, sts-iam.md §5.1), and what a created
 * user's access key can do against S3 today.
 */
import {
  AddUserToGroupCommand, AttachGroupPolicyCommand, AttachRolePolicyCommand, AttachUserPolicyCommand, CreateAccessKeyCommand,
  CreateGroupCommand, CreateOpenIDConnectProviderCommand, CreatePolicyCommand, CreatePolicyVersionCommand, CreateRoleCommand,
  CreateUserCommand, DeleteAccessKeyCommand, DeleteGroupCommand, DeleteGroupPolicyCommand, DeleteOpenIDConnectProviderCommand,
  DeletePolicyCommand, DeletePolicyVersionCommand, DeleteRoleCommand, DeleteRolePermissionsBoundaryCommand, DeleteRolePolicyCommand,
  DeleteUserCommand, DeleteUserPermissionsBoundaryCommand, DeleteUserPolicyCommand, DetachGroupPolicyCommand, DetachRolePolicyCommand,
  DetachUserPolicyCommand, GetAccessKeyLastUsedCommand, GetGroupCommand, GetGroupPolicyCommand, GetOpenIDConnectProviderCommand,
  GetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, GetRolePolicyCommand, GetUserCommand, GetUserPolicyCommand, IAMClient,
  ListAccessKeysCommand, ListAttachedGroupPoliciesCommand, ListAttachedRolePoliciesCommand, ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand, ListGroupPoliciesCommand, ListGroupsCommand, ListGroupsForUserCommand, ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand, ListPolicyVersionsCommand, ListRolePoliciesCommand, ListRolesCommand, ListUserPoliciesCommand, ListUsersCommand,
  PutGroupPolicyCommand, PutRolePermissionsBoundaryCommand, PutRolePolicyCommand, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand,
  RemoveUserFromGroupCommand, SetDefaultPolicyVersionCommand, UpdateAccessKeyCommand, UpdateAssumeRolePolicyCommand, UpdateRoleCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { rawRequest } from './raw-request.ts';

const doc = (action: string | string[], extra: object = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*', ...extra }] });
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';

async function expectError(p: Promise<unknown>, name: string, message: string | RegExp, status: number): Promise<void> {
  await assert.rejects(p, (e: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => {
    assert.equal(e.name, name);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    assert.equal(e.$metadata.httpStatusCode, status);
    return true;
  });
}

describe('IAM API (aws-sdk client-iam)', () => {
  let t: TestCoffer;
  let iam: IAMClient;
  let acct: string;
  const clients: IAMClient[] = [];
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const c = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  /** A signed IAM Query call as the wire carries it, for what the SDK cannot send or hides. */
  const iamQuery = (params: Record<string, string>) => {
    const body = new URLSearchParams({ Version: '2010-05-08', ...params }).toString();
    return rawRequest(t.endpoint, {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      },
      body,
      sign: { ...t.credentials, region: 'us-east-1', service: 'iam' },
    });
  };
  const trust = (principal: object) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });

  before(async () => {
    t = await startTestCoffer();
    iam = client(t.credentials);
    acct = t.coffer.account.accountId;
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await t.stop();
  });

  it('CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser', async () => {
    const created = await iam.send(new CreateUserCommand({ UserName: 'Alice', Path: '/eng/', Tags: [{ Key: 'team', Value: 'storage' }] }));
    assert.equal(created.User?.Arn, `arn:aws:iam::${acct}:user/eng/Alice`);
    assert.match(created.User!.UserId!, /^AIDA[A-Z0-9]{17}$/);
    assert.deepEqual(created.User?.Tags, [{ Key: 'team', Value: 'storage' }]);
    await expectError(iam.send(new CreateUserCommand({ UserName: 'alice' })), 'EntityAlreadyExistsException', 'User with name alice already exists.', 409);
    assert.equal((await iam.send(new GetUserCommand({ UserName: 'ALICE' }))).User?.UserName, 'Alice');
    const root = await iam.send(new GetUserCommand({}));
    assert.deepEqual([root.User?.UserId, root.User?.Arn, root.User?.UserName], [acct, `arn:aws:iam::${acct}:root`, undefined]);
    await expectError(iam.send(new GetUserCommand({ UserName: 'nobody' })), 'NoSuchEntityException', 'The user with name nobody cannot be found.', 404);

    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new CreateUserCommand({ UserName: 'carol', Path: '/ops/' }));
    const all = await iam.send(new ListUsersCommand({}));
    assert.deepEqual(all.Users?.map((u) => u.UserName), ['Alice', 'bob', 'carol']);
    assert.equal(all.IsTruncated, false);
    assert.deepEqual((await iam.send(new ListUsersCommand({ PathPrefix: '/ops/' }))).Users?.map((u) => u.UserName), ['carol']);
    const page1 = await iam.send(new ListUsersCommand({ MaxItems: 2 }));
    assert.deepEqual([page1.Users?.length, page1.IsTruncated], [2, true]);
    const page2 = await iam.send(new ListUsersCommand({ MaxItems: 2, Marker: page1.Marker }));
    assert.deepEqual([page2.Users?.map((u) => u.UserName), page2.IsTruncated, page2.Marker], [['carol'], false, undefined]);

    await iam.send(new UpdateUserCommand({ UserName: 'carol', NewUserName: 'caroline', NewPath: '/ops/eu/' }));
    assert.equal((await iam.send(new GetUserCommand({ UserName: 'caroline' }))).User?.Arn, `arn:aws:iam::${acct}:user/ops/eu/caroline`);
    await expectError(iam.send(new UpdateUserCommand({ UserName: 'caroline', NewUserName: 'BOB' })), 'EntityAlreadyExistsException', 'User with name BOB already exists.', 409);
    await iam.send(new DeleteUserCommand({ UserName: 'caroline' }));
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'caroline' })), 'NoSuchEntityException', 'The user with name caroline cannot be found.', 404);
  });

  it('answers invalid parameters with ValidationError in the §1.2 grammar (pattern before length)', async () => {
    await expectError(
      iam.send(new CreateUserCommand({ UserName: 'a'.repeat(64) + '!' })),
      'ValidationError',
      `2 validation errors detected: Value '${'a'.repeat(64)}!' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; ` +
        `Value '${'a'.repeat(64)}!' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64`,
      400,
    );
    await expectError(
      iam.send(new ListUsersCommand({ MaxItems: 1001 })),
      'ValidationError',
      "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
      400,
    );
    await expectError(iam.send(new CreateUserCommand({ UserName: 'x', Path: 'no-slash' })), 'ValidationError', /at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern/, 400);
  });

  it('access keys: create (≤ 2), list, update, delete, last used; an IAM user’s key signs S3 and IAM requests', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }));
    assert.match(key!.AccessKeyId!, /^AKIA[A-Z0-9]{16}$/);
    assert.equal(key!.SecretAccessKey!.length, 40);
    assert.deepEqual([key!.UserName, key!.Status], ['dave', 'Active']);
    const second = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }))).AccessKey!;
    await expectError(iam.send(new CreateAccessKeyCommand({ UserName: 'dave' })), 'LimitExceededException', 'Cannot exceed quota for AccessKeysPerUser: 2', 409);
    await expectError(iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' })), 'NoSuchEntityException', 'The user with name nobody cannot be found.', 404);
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'dave' }));
    assert.deepEqual(listed.AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status, k.UserName, 'SecretAccessKey' in k]).sort(), [
      [key!.AccessKeyId, 'Active', 'dave', false],
      [second.AccessKeyId, 'Active', 'dave', false],
    ].sort());
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: second.AccessKeyId }));
    await expectError(
      iam.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: second.AccessKeyId })),
      'NoSuchEntityException',
      `The Access Key with id ${second.AccessKeyId} cannot be found.`,
      404,
    );
    const never = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key!.AccessKeyId }));
    assert.deepEqual([never.UserName, never.AccessKeyLastUsed?.LastUsedDate, never.AccessKeyLastUsed?.ServiceName, never.AccessKeyLastUsed?.Region], ['dave', undefined, 'N/A', 'N/A']);

    // With no policy, dave may do nothing in S3; AmazonS3FullAccess lets him.
    const credentials = { accessKeyId: key!.AccessKeyId!, secretAccessKey: key!.SecretAccessKey! };
    const s3 = t.s3({ credentials });
    await expectError(
      s3.send(new CreateBucketCommand({ Bucket: 'dave-bucket' })),
      'AccessDenied',
      `User: arn:aws:iam::${acct}:user/dave is not authorized to perform: s3:CreateBucket on resource: "arn:aws:s3:::dave-bucket" because no identity-based policy allows the s3:CreateBucket action`,
      403,
    );
    await iam.send(new AttachUserPolicyCommand({ UserName: 'dave', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'dave-bucket' }));
    assert.ok((await s3.send(new ListBucketsCommand({}))).Buckets?.some((b) => b.Name === 'dave-bucket'));
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key!.AccessKeyId }));
    assert.deepEqual([used.AccessKeyLastUsed?.ServiceName, used.AccessKeyLastUsed?.Region], ['s3', 'us-east-1']);
    assert.ok(used.AccessKeyLastUsed?.LastUsedDate instanceof Date);

    // The user calls IAM with its own key, allowed by a policy on its own ARN (a policy variable):
    // GetUser without UserName is itself.
    const asDave = client(credentials);
    await expectError(
      asDave.send(new GetUserCommand({})),
      'AccessDenied',
      `User: arn:aws:iam::${acct}:user/dave is not authorized to perform: iam:GetUser on resource: arn:aws:iam::${acct}:user/dave because no identity-based policy allows the iam:GetUser action`,
      403,
    );
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dave',
        PolicyName: 'self',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListAccessKeys'], Resource: 'arn:aws:iam::*:user/${aws:username}' }],
        }),
      }),
    );
    assert.equal((await asDave.send(new GetUserCommand({}))).User?.Arn, `arn:aws:iam::${acct}:user/dave`);
    assert.equal((await asDave.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.[0]?.AccessKeyId, key!.AccessKeyId);

    // Inactive fails at once, on S3 and IAM alike; Active again works again.
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'dave', AccessKeyId: key!.AccessKeyId, Status: 'Inactive' }));
    assert.equal((await iam.send(new ListAccessKeysCommand({ UserName: 'dave' }))).AccessKeyMetadata?.[0]?.Status, 'Inactive');
    await expectError(s3.send(new ListObjectsV2Command({ Bucket: 'dave-bucket' })), 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403);
    await expectError(asDave.send(new GetUserCommand({})), 'InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'dave', AccessKeyId: key!.AccessKeyId, Status: 'Active' }));
    await s3.send(new ListObjectsV2Command({ Bucket: 'dave-bucket' }));
    await expectError(
      iam.send(new UpdateAccessKeyCommand({ UserName: 'dave', AccessKeyId: key!.AccessKeyId, Status: 'Enabled' as 'Active' })),
      'ValidationError',
      "1 validation error detected: Value 'Enabled' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
      400,
    );

    // A user with keys cannot be deleted; once the key is gone, neither can it sign.
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'dave' })), 'DeleteConflictException', 'Cannot delete entity, must delete access keys first.', 409);
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: key!.AccessKeyId }));
    await iam.send(new DetachUserPolicyCommand({ UserName: 'dave', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'dave', PolicyName: 'self' }));
    await iam.send(new DeleteUserCommand({ UserName: 'dave' }));
    await expectError(s3.send(new ListBucketsCommand({})), 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403);
  });

  it('groups: create, get, list, membership, delete conflicts', async () => {
    const g = await iam.send(new CreateGroupCommand({ GroupName: 'admins', Path: '/it/' }));
    assert.equal(g.Group?.Arn, `arn:aws:iam::${acct}:group/it/admins`);
    assert.match(g.Group!.GroupId!, /^AGPA/);
    await expectError(iam.send(new CreateGroupCommand({ GroupName: 'ADMINS' })), 'EntityAlreadyExistsException', 'Group with name ADMINS already exists.', 409);
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'bob' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'bob' }));
    await expectError(iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'nobody' })), 'NoSuchEntityException', 'The user with name nobody cannot be found.', 404);
    await expectError(iam.send(new AddUserToGroupCommand({ GroupName: 'nogroup', UserName: 'bob' })), 'NoSuchEntityException', 'The group with name nogroup cannot be found.', 404);
    const got = await iam.send(new GetGroupCommand({ GroupName: 'admins' }));
    assert.deepEqual([got.Group?.GroupName, got.Users?.map((u) => u.UserName), got.IsTruncated], ['admins', ['bob'], false]);
    assert.deepEqual((await iam.send(new ListGroupsCommand({}))).Groups?.map((x) => x.GroupName), ['admins']);
    assert.deepEqual((await iam.send(new ListGroupsCommand({ PathPrefix: '/other/' }))).Groups, []);
    assert.deepEqual((await iam.send(new ListGroupsForUserCommand({ UserName: 'bob' }))).Groups?.map((x) => x.Arn), [g.Group?.Arn]);
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'bob' })), 'DeleteConflictException', 'Cannot delete entity, must remove user from all groups first.', 409);
    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'admins' })), 'DeleteConflictException', 'Cannot delete entity, must remove users from group first.', 409);
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'admins', UserName: 'bob' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'admins', PolicyName: 'all', PolicyDocument: doc('iam:*') }));
    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'admins' })), 'DeleteConflictException', 'Cannot delete entity, must delete policies first.', 409);
    assert.deepEqual((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'admins' }))).PolicyNames, ['all']);
    assert.equal(decodeURIComponent((await iam.send(new GetGroupPolicyCommand({ GroupName: 'admins', PolicyName: 'all' }))).PolicyDocument!), doc('iam:*'));
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'admins', PolicyName: 'all' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' }));
    assert.deepEqual((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'admins' }))).AttachedPolicies, [
      { PolicyName: 'IAMFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' },
    ]);
    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'admins' })), 'DeleteConflictException', 'Cannot delete entity, must detach all policies first.', 409);
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'admins' }));
    await expectError(iam.send(new GetGroupCommand({ GroupName: 'admins' })), 'NoSuchEntityException', 'The group with name admins cannot be found.', 404);
  });

  it('roles: create with a trust policy, get, list, update, trust policy updates, delete', async () => {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'deploy',
        Path: '/ci/',
        AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${acct}:user/bob` }),
        Description: 'CI deployments',
        MaxSessionDuration: 7200,
        Tags: [{ Key: 'env', Value: 'prod' }],
      }),
    );
    assert.equal(created.Role?.Arn, `arn:aws:iam::${acct}:role/ci/deploy`);
    assert.match(created.Role!.RoleId!, /^AROA[A-Z0-9]{17}$/);
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role!;
    assert.equal(decodeURIComponent(role.AssumeRolePolicyDocument!), trust({ AWS: `arn:aws:iam::${acct}:user/bob` }));
    assert.deepEqual([role.Description, role.MaxSessionDuration, role.Tags], ['CI deployments', 7200, [{ Key: 'env', Value: 'prod' }]]);
    await expectError(iam.send(new GetRoleCommand({ RoleName: 'nope' })), 'NoSuchEntityException', 'The role with name nope cannot be found.', 404);
    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'DEPLOY', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) })),
      'EntityAlreadyExistsException',
      'Role with name DEPLOY already exists.',
      409,
    );
    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'ghost', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${acct}:user/ghost` }) })),
      'MalformedPolicyDocumentException',
      `Invalid principal in policy: "AWS":"arn:aws:iam::${acct}:user/ghost"`,
      400,
    );
    await expectError(iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: '{not json' })), 'MalformedPolicyDocumentException', 'Syntax errors in policy.', 400);
    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'long', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }), MaxSessionDuration: 3599 })),
      'ValidationError',
      "1 validation error detected: Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
      400,
    );
    await iam.send(new UpdateRoleCommand({ RoleName: 'deploy', MaxSessionDuration: 43200 }));
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'deploy', PolicyDocument: trust({ AWS: acct }) }));
    const updated = (await iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role!;
    assert.deepEqual([updated.MaxSessionDuration, updated.Description, decodeURIComponent(updated.AssumeRolePolicyDocument!)], [43200, 'CI deployments', trust({ AWS: acct })]);
    await expectError(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'nope', PolicyDocument: trust({ AWS: acct }) })), 'NoSuchEntityException', 'The role with name nope cannot be found.', 404);
    assert.deepEqual((await iam.send(new ListRolesCommand({ PathPrefix: '/ci/' }))).Roles?.map((r) => r.RoleName), ['deploy']);

    await iam.send(new PutRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'put', PolicyDocument: doc('s3:PutObject') }));
    assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'deploy' }))).PolicyNames, ['put']);
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'put' }));
    assert.deepEqual([got.RoleName, got.PolicyName, decodeURIComponent(got.PolicyDocument!)], ['deploy', 'put', doc('s3:PutObject')]);
    await expectError(iam.send(new GetRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'nope' })), 'NoSuchEntityException', 'The role policy with name nope cannot be found.', 404);
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'deploy' })), 'DeleteConflictException', 'Cannot delete entity, must delete policies first.', 409);
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'put' }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'deploy', PolicyArn: S3_FULL }));
    assert.deepEqual((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'deploy' }))).AttachedPolicies?.map((p) => p.PolicyArn), [S3_FULL]);
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'deploy' })), 'DeleteConflictException', 'Cannot delete entity, must detach all policies first.', 409);
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'deploy', PolicyArn: S3_FULL }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'deploy', PermissionsBoundary: S3_READ }));
    assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn, S3_READ);
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'deploy' }));
    assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role?.PermissionsBoundary, undefined);
    await iam.send(new DeleteRoleCommand({ RoleName: 'deploy' }));
  });

  it('inline user policies: put (replace), get, list, delete; MalformedPolicyDocument', async () => {
    await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'read', PolicyDocument: doc('s3:GetObject') }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'read', PolicyDocument: doc('s3:ListBucket') }));
    assert.deepEqual((await iam.send(new ListUserPoliciesCommand({ UserName: 'bob' }))).PolicyNames, ['read']);
    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'read' }));
    assert.equal(decodeURIComponent(got.PolicyDocument!), doc('s3:ListBucket'));
    await expectError(
      iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'p', PolicyDocument: doc('s3:GetObject', { Principal: '*' }) })),
      'MalformedPolicyDocumentException',
      'Policy document should not specify a principal.',
      400,
    );
    await expectError(
      iam.send(new PutUserPolicyCommand({ UserName: 'nobody', PolicyName: 'p', PolicyDocument: doc('s3:GetObject') })),
      'NoSuchEntityException',
      'The user with name nobody cannot be found.',
      404,
    );
    await expectError(iam.send(new DeleteUserPolicyCommand({ UserName: 'bob', PolicyName: 'nope' })), 'NoSuchEntityException', 'The user policy with name nope cannot be found.', 404);
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'bob' })), 'DeleteConflictException', 'Cannot delete entity, must delete policies first.', 409);
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'bob', PolicyName: 'read' }));
    assert.deepEqual((await iam.send(new ListUserPoliciesCommand({ UserName: 'bob' }))).PolicyNames, []);
  });

  it('managed policies: create, get, list (scope, attached), versions, attach, entities, boundaries, delete', async () => {
    const p = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Readers', Path: '/team/', PolicyDocument: doc('s3:GetObject'), Description: 'read' }))).Policy!;
    assert.deepEqual([p.Arn, p.DefaultVersionId, p.AttachmentCount, p.IsAttachable, p.Description], [`arn:aws:iam::${acct}:policy/team/Readers`, 'v1', 0, true, 'read']);
    await expectError(
      iam.send(new CreatePolicyCommand({ PolicyName: 'readers', PolicyDocument: doc('s3:GetObject') })),
      'EntityAlreadyExistsException',
      'A policy called readers already exists. Duplicate names are not allowed.',
      409,
    );
    await expectError(iam.send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: '{"Version":"2012-10-17"}' })), 'MalformedPolicyDocumentException', /./, 400);
    await expectError(iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${acct}:policy/nope` })), 'NoSuchEntityException', `Policy arn:aws:iam::${acct}:policy/nope was not found.`, 404);
    assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: S3_FULL }))).Policy?.DefaultVersionId, 'v2');
    const full = await iam.send(new GetPolicyVersionCommand({ PolicyArn: S3_FULL, VersionId: 'v2' }));
    assert.deepEqual(JSON.parse(decodeURIComponent(full.PolicyVersion!.Document!)).Statement[0].Action, ['s3:*', 's3-object-lambda:*']);

    const v2 = (await iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc(['s3:GetObject', 's3:ListBucket']), SetAsDefault: true }))).PolicyVersion!;
    assert.deepEqual([v2.VersionId, v2.IsDefaultVersion], ['v2', true]);
    for (let i = 3; i <= 5; i++) await iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc(`s3:Get${i}`) }));
    await expectError(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc('s3:Get6') })),
      'LimitExceededException',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
      409,
    );
    assert.deepEqual((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: p.Arn }))).Versions?.map((v) => `${v.VersionId}${v.IsDefaultVersion ? '*' : ''}`), ['v5', 'v4', 'v3', 'v2*', 'v1']);
    await expectError(iam.send(new DeletePolicyVersionCommand({ PolicyArn: p.Arn, VersionId: 'v2' })), 'DeleteConflictException', 'Cannot delete the default version of a policy.', 409);
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: 'v1' }));
    await expectError(iam.send(new GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: 'v9' })), 'NoSuchEntityException', `Policy ${p.Arn} version v9 does not exist or is not attachable.`, 404);
    await expectError(iam.send(new CreatePolicyVersionCommand({ PolicyArn: S3_FULL, PolicyDocument: doc('s3:*') })), 'UnmodifiableEntityException', /AWS managed policy/, 400);
    await expectError(iam.send(new DeletePolicyCommand({ PolicyArn: S3_READ })), 'UnmodifiableEntityException', /AWS managed policy/, 400);

    await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: p.Arn }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: S3_READ }));
    await expectError(
      iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: `arn:aws:iam::${acct}:policy/nope` })),
      'NoSuchEntityException',
      `Policy arn:aws:iam::${acct}:policy/nope does not exist or is not attachable.`,
      404,
    );
    assert.deepEqual((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'bob' }))).AttachedPolicies?.map((x) => x.PolicyName), ['AmazonS3ReadOnlyAccess', 'Readers']);
    assert.deepEqual((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'bob', PathPrefix: '/team/' }))).AttachedPolicies?.map((x) => x.PolicyName), ['Readers']);
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn }));
    assert.deepEqual([entities.PolicyUsers?.map((u) => u.UserName), entities.PolicyGroups, entities.PolicyRoles], [['bob'], [], []]);
    assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: S3_READ }))).Policy?.AttachmentCount, 1);
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    assert.deepEqual(local.Policies?.map((x) => x.PolicyName), ['Readers']);
    const attached = await iam.send(new ListPoliciesCommand({ OnlyAttached: true }));
    assert.deepEqual(attached.Policies?.map((x) => x.PolicyName), ['AmazonS3ReadOnlyAccess', 'Readers']);
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS' }));
    assert.ok(aws.Policies?.some((x) => x.Arn === 'arn:aws:iam::aws:policy/AdministratorAccess'));
    await expectError(iam.send(new ListPoliciesCommand({ Scope: 'Mine' as 'All' })), 'ValidationError', /Member must satisfy enum value set: \[All, AWS, Local\]/, 400);

    await expectError(iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn })), 'DeleteConflictException', 'Cannot delete a policy attached to entities.', 409);
    await iam.send(new DetachUserPolicyCommand({ UserName: 'bob', PolicyArn: p.Arn }));
    await expectError(iam.send(new DetachUserPolicyCommand({ UserName: 'bob', PolicyArn: p.Arn })), 'NoSuchEntityException', `Policy ${p.Arn} was not found.`, 404);
    await iam.send(new DetachUserPolicyCommand({ UserName: 'bob', PolicyArn: S3_READ }));

    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bob', PermissionsBoundary: p.Arn }));
    const bob = (await iam.send(new GetUserCommand({ UserName: 'bob' }))).User!;
    assert.deepEqual(bob.PermissionsBoundary, { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: p.Arn });
    assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: p.Arn }))).Policy?.PermissionsBoundaryUsageCount, 1);
    const bounded = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn, PolicyUsageFilter: 'PermissionsBoundary' }));
    assert.deepEqual(bounded.PolicyUsers?.map((u) => u.UserName), ['bob']);
    await expectError(
      iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bob', PermissionsBoundary: `arn:aws:iam::${acct}:policy/nope` })),
      'NoSuchEntityException',
      `Policy arn:aws:iam::${acct}:policy/nope does not exist or is not attachable.`,
      404,
    );
    await expectError(iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn })), 'DeleteConflictException', 'Cannot delete a policy attached to entities.', 409);
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bob' }));
    await expectError(iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn })), 'DeleteConflictException', /more than one version/, 409);
    for (const v of ['v2', 'v3', 'v4', 'v5']) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: p.Arn, VersionId: v }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn }));
    await expectError(iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn })), 'NoSuchEntityException', `Policy ${p.Arn} was not found.`, 404);
  });

  it('roles trusting OIDC providers: GitHub Actions and EKS trust policies with <issuer>:sub / <issuer>:aud conditions', async () => {
    const federated = (provider: string, condition: object) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }],
      });
    const github = federated(`arn:aws:iam::${acct}:oidc-provider/token.actions.githubusercontent.com`, {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/*' },
    });
    const eks = federated(`arn:aws:iam::${acct}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC`, {
      StringEquals: { 'oidc.eks.us-west-2.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com', 'oidc.eks.us-west-2.amazonaws.com/id/ABC:sub': 'system:serviceaccount:default:app' },
    });
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'github-deploy', AssumeRolePolicyDocument: github }));
    assert.equal(decodeURIComponent(created.Role!.AssumeRolePolicyDocument!), github);
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'github-deploy', PolicyDocument: eks }));
    assert.equal(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'github-deploy' }))).Role!.AssumeRolePolicyDocument!), eks);
    // Cognito, with the STS keys of AssumeRole beside the provider's.
    const cognito = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
        },
        {
          Effect: 'Allow',
          Principal: { AWS: acct },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: { StringEquals: { 'sts:ExternalId': 'Unique-ID-1234', 'aws:RequestTag/cost:center': '42' }, 'ForAllValues:StringEquals': { 'sts:TransitiveTagKeys': ['cost:center'] } },
        },
      ],
    });
    await iam.send(new CreateRoleCommand({ RoleName: 'cognito-users', AssumeRolePolicyDocument: cognito }));
    // Still refused: keys without a vendor or an issuer, and principals that name no provider.
    const badKey = federated(`arn:aws:iam::${acct}:oidc-provider/token.actions.githubusercontent.com`, { StringLike: { 'https://token.actions.githubusercontent.com:sub': 'repo:org/*' } });
    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'bad-key', AssumeRolePolicyDocument: badKey })),
      'MalformedPolicyDocumentException',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      400,
    );
    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'bad-provider', AssumeRolePolicyDocument: federated('github', { StringLike: { 'github:sub': 'x' } }) })),
      'MalformedPolicyDocumentException',
      'Invalid principal in policy: "Federated":"github"',
      400,
    );
    await iam.send(new DeleteRoleCommand({ RoleName: 'github-deploy' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'cognito-users' }));
  });

  it('OpenID Connect providers: create (with a JWKS), get, list, delete', async () => {
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: 'https://token.example.com', ClientIDList: ['my-app'], ThumbprintList: ['a'.repeat(40)] }),
    );
    const arn = `arn:aws:iam::${acct}:oidc-provider/token.example.com`;
    assert.equal(created.OpenIDConnectProviderArn, arn);
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    assert.deepEqual([got.Url, got.ClientIDList, got.ThumbprintList], ['token.example.com', ['my-app'], ['a'.repeat(40)]]);
    await expectError(
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.example.com', ClientIDList: ['x'] })),
      'EntityAlreadyExistsException',
      'Provider with url https://token.example.com already exists.',
      409,
    );
    await expectError(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'http://insecure.example.com' })), 'InvalidInputException', /must begin with https/, 400);
    assert.deepEqual((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList, [{ Arn: arn }]);
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await expectError(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })), 'NoSuchEntityException', `OpenIDConnect Provider not found for arn ${arn}`, 404);
    await expectError(iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })), 'NoSuchEntityException', `OpenIDConnect Provider not found for arn ${arn}`, 404);
    // Coffer's extension: the provider's keys as a JWKS document, stored for STS.
    const created2 = await iamQuery({ Action: 'CreateOpenIDConnectProvider', Url: 'https://idp.local/realm', 'ClientIDList.member.1': 'app', CofferJwks: '{"keys":[]}' });
    assert.equal(created2.status, 200, created2.body);
    const jwksArn = `arn:aws:iam::${acct}:oidc-provider/idp.local/realm`;
    assert.match(created2.body, new RegExp(`<OpenIDConnectProviderArn>${jwksArn}</OpenIDConnectProviderArn>`));
    assert.deepEqual((await t.coffer.identity.iam.findOpenIdConnectProvider(acct, 'https://idp.local/realm'))?.jwks, { kind: 'inline', json: '{"keys":[]}' });
    const badJwks = await iamQuery({ Action: 'CreateOpenIDConnectProvider', Url: 'https://idp2.local', CofferJwks: '[]' });
    assert.equal(badJwks.status, 400);
    assert.match(badJwks.body, /<Code>InvalidInput<\/Code>/);
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: jwksArn }));
  });

  it('answers in the Query XML shape: namespace, Result, ResponseMetadata, 2-space indentation', async () => {
    const r = await iamQuery({ Action: 'GetUser', UserName: 'bob' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/xml');
    const requestId = r.headers['x-amzn-requestid'];
    assert.match(r.body, /^<GetUserResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">\n  <GetUserResult>\n    <User>\n      <Path>\/<\/Path>\n      <UserName>bob<\/UserName>/);
    assert.ok(r.body.endsWith(`  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</GetUserResponse>\n`));
    const none = await iamQuery({ Action: 'DeleteUser', UserName: 'nobody' });
    assert.equal(none.status, 404);
    assert.match(none.body, /<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">\n  <Error>\n    <Type>Sender<\/Type>\n    <Code>NoSuchEntity<\/Code>\n    <Message>The user with name nobody cannot be found\.<\/Message>\n  <\/Error>\n  <RequestId>/);
    const empty = await iamQuery({ Action: 'CreateUser', UserName: 'x', MaxItems: '' });
    assert.equal(empty.status, 200, 'parameters an action does not take are ignored');
    await iam.send(new DeleteUserCommand({ UserName: 'x' }));
    const malformed = await iamQuery({ Action: 'ListUsers', MaxItems: '' });
    assert.equal(malformed.status, 400);
    assert.match(malformed.body, /<Code>MalformedInput<\/Code>\n    <Message>missing value for decimal type<\/Message>/);
  });
});
