/**
 * SimulatePrincipalPolicy and SimulateCustomPolicy end to end with @aws-sdk/client-iam: a user
 * with AmazonS3ReadOnlyAccess (allowed with the matched statement, implicitDeny, an inline Deny's
 * explicitDeny), context entries deciding an IpAddress condition, a permissions boundary
 * limiting, groups and roles as sources, custom policies with a resource policy within and
 * across accounts, paging, the errors — and the simulation agreeing with what the S3 server
 * decides for the same user's real requests.
 */
import {
  AddUserToGroupCommand, AttachRolePolicyCommand, AttachUserPolicyCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateRoleCommand,
  CreateUserCommand, IAMClient, PutGroupPolicyCommand, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand, SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand, type ContextEntry, type EvaluationResult, type SimulatePrincipalPolicyCommandInput,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from './harness.ts';

const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';
const B = 'simulated';
const OBJECT = `arn:aws:s3:::${B}/k`;
const OBJECT_TEMPLATE = 'arn:${Partition}:s3:::${BucketName}/${KeyName}';
/** Where the one statement of the stored (pretty-printed) AmazonS3ReadOnlyAccess sits. */
const READ_ONLY_STATEMENT = { SourcePolicyId: 'AmazonS3ReadOnlyAccess', SourcePolicyType: 'aws-managed', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 14, Column: 5 } };
const ALLOWED_BY_ORGANIZATIONS = { AllowedByOrganizations: true };

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
/** StartPosition / EndPosition of a statement in a one-line policy: its `{` and its `}`, 1-based. */
const span = (text: string, statement: object) => {
  const at = text.indexOf(JSON.stringify(statement));
  assert.ok(at > 0);
  return { StartPosition: { Line: 1, Column: at + 1 }, EndPosition: { Line: 1, Column: at + JSON.stringify(statement).length } };
};

async function expectError(p: Promise<unknown>, name: string, message: string | RegExp, status: number): Promise<void> {
  await assert.rejects(p, (e: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => {
    assert.equal(e.name, name);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    assert.equal(e.$metadata.httpStatusCode, status);
    return true;
  });
}

describe('SimulatePrincipalPolicy and SimulateCustomPolicy (aws-sdk client-iam)', () => {
  let t: TestCoffer;
  let iam: IAMClient;
  let s3: S3Client;
  let acct: string;
  const clients: Array<{ destroy(): void }> = [];
  const userArn = (name: string) => `arn:aws:iam::${acct}:user/${name}`;
  const simulate = async (input: Omit<SimulatePrincipalPolicyCommandInput, 'PolicySourceArn'> & { user: string }) => {
    const { user, ...rest } = input;
    return iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn(user), ...rest }));
  };
  const decisions = (results: EvaluationResult[] | undefined) => (results ?? []).map((r) => [r.EvalActionName, r.EvalDecision]);
  const createUser = async (name: string, attach: string[] = [], inline: Record<string, string> = {}) => {
    await iam.send(new CreateUserCommand({ UserName: name }));
    for (const arn of attach) await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: arn }));
    for (const [policyName, document] of Object.entries(inline)) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: policyName, PolicyDocument: document }));
  };

  before(async () => {
    t = await startTestCoffer();
    acct = t.coffer.account.accountId;
    iam = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: t.credentials, maxAttempts: 1 });
    clients.push(iam);
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: B }));
    await s3.send(new PutObjectCommand({ Bucket: B, Key: 'k', Body: 'hello' }));
    await s3.send(new PutObjectCommand({ Bucket: B, Key: 'secret/plans', Body: 'shh' }));
    await createUser('reader', [S3_READ]);
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await t.stop();
  });

  it('AmazonS3ReadOnlyAccess: GetObject allowed by its statement, PutObject implicitly denied', async () => {
    const out = await simulate({ user: 'reader', ActionNames: ['s3:GetObject', 's3:PutObject'], ResourceArns: [OBJECT] });
    assert.equal(out.IsTruncated, false);
    assert.equal(out.Marker, undefined);
    const [get, put] = out.EvaluationResults!;
    assert.deepEqual(get, {
      EvalActionName: 's3:GetObject',
      EvalResourceName: OBJECT_TEMPLATE,
      EvalDecision: 'allowed',
      MatchedStatements: [READ_ONLY_STATEMENT],
      MissingContextValues: [],
      OrganizationsDecisionDetail: ALLOWED_BY_ORGANIZATIONS,
      // Within one account, with resources named: present and empty (AWS's documented shape).
      EvalDecisionDetails: {},
      ResourceSpecificResults: [{ EvalResourceName: OBJECT, EvalResourceDecision: 'allowed', MatchedStatements: [READ_ONLY_STATEMENT], MissingContextValues: [] }],
    });
    assert.deepEqual([put!.EvalActionName, put!.EvalDecision, put!.MatchedStatements], ['s3:PutObject', 'implicitDeny', []]);
    assert.equal(put!.ResourceSpecificResults![0]!.EvalResourceDecision, 'implicitDeny');

    // No ResourceArns: everything is about `*`, with no per-resource results and no details.
    const star = await simulate({ user: 'reader', ActionNames: ['s3:ListAllMyBuckets'] });
    assert.deepEqual(star.EvaluationResults, [
      { EvalActionName: 's3:ListAllMyBuckets', EvalResourceName: '*', EvalDecision: 'allowed', MatchedStatements: [READ_ONLY_STATEMENT], MissingContextValues: [], OrganizationsDecisionDetail: ALLOWED_BY_ORGANIZATIONS },
    ]);
  });

  it('an inline Deny: explicitDeny with the Deny as the only matched statement, per resource', async () => {
    const noSecrets = { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/secret/*` };
    const deny = policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${B}` }, noSecrets);
    await createUser('careful', [S3_READ], { NoSecrets: deny });
    const out = await simulate({ user: 'careful', ActionNames: ['s3:GetObject'], ResourceArns: [OBJECT, `arn:aws:s3:::${B}/secret/plans`] });
    const [result] = out.EvaluationResults!;
    const denyStatement = { SourcePolicyId: 'NoSecrets', SourcePolicyType: 'user', ...span(deny, noSecrets) };
    assert.equal(result!.EvalDecision, 'explicitDeny');
    assert.deepEqual(result!.MatchedStatements, [denyStatement]);
    assert.deepEqual(
      result!.ResourceSpecificResults!.map((r) => [r.EvalResourceName, r.EvalResourceDecision, r.MatchedStatements]),
      [
        [OBJECT, 'allowed', [READ_ONLY_STATEMENT]],
        [`arn:aws:s3:::${B}/secret/plans`, 'explicitDeny', [denyStatement]],
      ],
    );
  });

  it('context entries: aws:SourceIp decides an IpAddress condition; a key no entry gives is missing', async () => {
    const office = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
    await createUser('office', [], { FromTheOffice: office });
    const run = async (contextEntries?: ContextEntry[]) => {
      const out = await simulate({ user: 'office', ActionNames: ['s3:GetObject'], ResourceArns: [OBJECT], ...(contextEntries ? { ContextEntries: contextEntries } : {}) });
      const r = out.EvaluationResults![0]!;
      return { decision: r.EvalDecision, missing: r.MissingContextValues, perResource: r.ResourceSpecificResults![0]!.MissingContextValues };
    };
    assert.deepEqual(await run(), { decision: 'implicitDeny', missing: ['aws:SourceIp'], perResource: ['aws:SourceIp'] });
    assert.deepEqual(await run([{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.1.2.3'], ContextKeyType: 'ip' }]), { decision: 'allowed', missing: [], perResource: [] });
    assert.deepEqual(await run([{ ContextKeyName: 'aws:sourceip', ContextKeyValues: ['192.168.1.1'], ContextKeyType: 'ip' }]), { decision: 'implicitDeny', missing: [], perResource: [] });
    await expectError(
      run([{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['not-an-ip'], ContextKeyType: 'ip' }]),
      'InvalidInputException',
      "The value 'not-an-ip' of context key aws:SourceIp is not of type ip.",
      400,
    );
  });

  it('a permissions boundary limits: the stored one, and one given in its place', async () => {
    await createUser('bounded', [S3_FULL]);
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: S3_READ }));
    const stored = await simulate({ user: 'bounded', ActionNames: ['s3:GetObject', 's3:PutObject'], ResourceArns: [OBJECT] });
    assert.deepEqual(decisions(stored.EvaluationResults), [['s3:GetObject', 'allowed'], ['s3:PutObject', 'implicitDeny']]);
    assert.deepEqual(stored.EvaluationResults!.map((r) => r.PermissionsBoundaryDecisionDetail), [{ AllowedByPermissionsBoundary: true }, { AllowedByPermissionsBoundary: false }]);
    assert.deepEqual(stored.EvaluationResults![1]!.ResourceSpecificResults![0]!.PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: false });
    assert.deepEqual(
      stored.EvaluationResults![0]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
      [['AmazonS3FullAccess', 'aws-managed'], ['AmazonS3ReadOnlyAccess', 'aws-managed']],
    );

    const given = await simulate({
      user: 'bounded',
      ActionNames: ['s3:GetObject', 's3:PutObject'],
      ResourceArns: [OBJECT],
      PermissionsBoundaryPolicyInputList: [policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' })],
    });
    assert.deepEqual(decisions(given.EvaluationResults), [['s3:GetObject', 'implicitDeny'], ['s3:PutObject', 'allowed']]);
    assert.deepEqual(
      given.EvaluationResults![1]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
      [['AmazonS3FullAccess', 'aws-managed'], ['PermissionsBoundaryPolicyInputList.1', 'none']],
    );
  });

  it('groups and roles as the source; PolicyInputList adds to the stored policies', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'listers' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'listers', PolicyName: 'ListIt', PolicyDocument: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }) }));
    const group = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${acct}:group/listers`, ActionNames: ['s3:ListBucket', 's3:GetObject'] }));
    assert.deepEqual(decisions(group.EvaluationResults), [['s3:ListBucket', 'allowed'], ['s3:GetObject', 'implicitDeny']]);
    assert.deepEqual(group.EvaluationResults![0]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]), [['ListIt', 'group']]);

    // A member has its group's policies too.
    await createUser('member');
    await iam.send(new AddUserToGroupCommand({ GroupName: 'listers', UserName: 'member' }));
    const member = await simulate({ user: 'member', ActionNames: ['s3:ListBucket'], PolicyInputList: [policy({ Effect: 'Deny', Action: 's3:ListBucket', Resource: '*' })] });
    assert.deepEqual(decisions(member.EvaluationResults), [['s3:ListBucket', 'explicitDeny']]);
    assert.deepEqual(member.EvaluationResults![0]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]), [['PolicyInputList.1', 'none']]);

    const trust = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole' });
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'app', Path: '/svc/', AssumeRolePolicyDocument: trust }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: S3_FULL }));
    const asRole = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role.Role!.Arn, ActionNames: ['s3:PutObject'], ResourceArns: [OBJECT] }));
    assert.deepEqual(decisions(asRole.EvaluationResults), [['s3:PutObject', 'allowed']]);
    assert.deepEqual(asRole.EvaluationResults![0]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]), [['AmazonS3FullAccess', 'aws-managed']]);
  });

  it('SimulateCustomPolicy: a policy list, a resource policy with CallerArn, and across accounts', async () => {
    const denyPut = { Effect: 'Deny', Action: 's3:PutObject', Resource: `arn:aws:s3:::${B}/k` };
    const list = [policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${B}/*` }), policy(denyPut)];
    const custom = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: list, ActionNames: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], ResourceArns: [OBJECT] }));
    assert.deepEqual(decisions(custom.EvaluationResults), [['s3:GetObject', 'allowed'], ['s3:PutObject', 'explicitDeny'], ['s3:DeleteObject', 'implicitDeny']]);
    assert.deepEqual(custom.EvaluationResults![1]!.MatchedStatements, [
      { SourcePolicyId: 'PolicyInputList.2', SourcePolicyType: 'none', ...span(list[1]!, denyPut) },
    ]);

    // A bucket policy granting a user directly suffices within the account, with no identity policy.
    const bucketPolicy = policy({ Effect: 'Allow', Principal: { AWS: userArn('guest') }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` });
    const emptyIdentity = [policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${B}` })];
    const viaBucket = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: emptyIdentity, ResourcePolicy: bucketPolicy, CallerArn: userArn('guest'), ActionNames: ['s3:GetObject'], ResourceArns: [OBJECT] }),
    );
    assert.deepEqual(decisions(viaBucket.EvaluationResults), [['s3:GetObject', 'allowed']]);
    assert.deepEqual(viaBucket.EvaluationResults![0]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]), [['ResourcePolicy', 'resource']]);

    // Another account owns the bucket: both sides must allow, and EvalDecisionDetails says which did.
    const other = '210987654321';
    const grantToAccount = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` });
    const cross = async (identity: string[], resourcePolicy: string) =>
      (
        await iam.send(
          new SimulateCustomPolicyCommand({
            PolicyInputList: identity,
            ResourcePolicy: resourcePolicy,
            ResourceOwner: `arn:aws:iam::${other}:root`,
            CallerArn: userArn('guest'),
            ActionNames: ['s3:GetObject'],
            ResourceArns: [OBJECT],
          }),
        )
      ).EvaluationResults![0]!;
    const both = await cross([policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })], grantToAccount);
    assert.equal(both.EvalDecision, 'allowed');
    assert.deepEqual(both.EvalDecisionDetails, { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' });
    assert.deepEqual(both.ResourceSpecificResults![0]!.EvalDecisionDetails, { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' });
    const identityOnly = await cross([policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })], bucketPolicy.replace(userArn('guest'), userArn('someone-else')));
    assert.equal(identityOnly.EvalDecision, 'implicitDeny');
    assert.deepEqual(identityOnly.EvalDecisionDetails, { 'IAM Policy': 'allowed', 'Resource Policy': 'implicitDeny' });
    const resourceOnly = await cross(emptyIdentity, grantToAccount);
    assert.deepEqual([resourceOnly.EvalDecision, resourceOnly.EvalDecisionDetails], ['implicitDeny', { 'IAM Policy': 'implicitDeny', 'Resource Policy': 'allowed' }]);
  });

  it('MaxItems and Marker page through the results, one per action', async () => {
    const actions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];
    const first = await simulate({ user: 'reader', ActionNames: actions, ResourceArns: [OBJECT], MaxItems: 2 });
    assert.equal(first.IsTruncated, true);
    assert.deepEqual(decisions(first.EvaluationResults), [['s3:GetObject', 'allowed'], ['s3:PutObject', 'implicitDeny']]);
    const rest = await simulate({ user: 'reader', ActionNames: actions, ResourceArns: [OBJECT], MaxItems: 2, Marker: first.Marker });
    assert.equal(rest.IsTruncated, false);
    assert.deepEqual(decisions(rest.EvaluationResults), [['s3:DeleteObject', 'implicitDeny']]);
  });

  it('errors: NoSuchEntity, MalformedPolicyDocument, InvalidInput, ValidationError, AccessDenied', async () => {
    await expectError(simulate({ user: 'ghost', ActionNames: ['s3:GetObject'] }), 'NoSuchEntityException', 'The user with name ghost cannot be found.', 404);
    await expectError(
      iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${acct}:user/other/reader`, ActionNames: ['s3:GetObject'] })),
      'NoSuchEntityException',
      'The user with name reader cannot be found.',
      404,
    );
    await expectError(
      iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${acct}:role/nobody`, ActionNames: ['s3:GetObject'] })),
      'NoSuchEntityException',
      'The role with name nobody cannot be found.',
      404,
    );
    await expectError(simulate({ user: 'reader', ActionNames: ['s3:GetObject'], PolicyInputList: ['{"Version":"2012-10-17"'] }), 'MalformedPolicyDocumentException', /./, 400);
    await expectError(
      simulate({ user: 'reader', ActionNames: ['s3:GetObject'], PolicyInputList: [policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' })] }),
      'MalformedPolicyDocumentException',
      'Policy document should not specify a principal.',
      400,
    );
    await expectError(simulate({ user: 'reader', ActionNames: ['s3:*'] }), 'InvalidInputException', 'Invalid action name s3:*: wildcards are not supported in action names.', 400);
    await expectError(simulate({ user: 'reader', ActionNames: ['s3:GetObject'], ResourceArns: ['bucket/key'] }), 'InvalidInputException', 'Invalid resource bucket/key: it must be an ARN or *.', 400);
    await expectError(
      iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], ActionNames: ['s3:GetObject'], ResourcePolicy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }) })),
      'InvalidInputException',
      'CallerArn is required when a ResourcePolicy is simulated.',
      400,
    );
    await expectError(
      iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: undefined, ActionNames: ['s3:GetObject'], ContextEntries: [{ ContextKeyName: 'aws', ContextKeyType: 'color' as never, ContextKeyValues: ['x'] }] })),
      'ValidationError',
      "3 validation errors detected: Value null at 'policyInputList' failed to satisfy constraint: Member must not be null; " +
        "Value 'aws' at 'contextEntries.1.member.contextKeyName' failed to satisfy constraint: Member must have length greater than or equal to 5; " +
        "Value 'color' at 'contextEntries.1.member.contextKeyType' failed to satisfy constraint: Member must satisfy enum value set: [string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList]",
      400,
    );

    // Authorized like any IAM call: iam:SimulatePrincipalPolicy on the source, iam:SimulateCustomPolicy on *.
    await createUser('auditor', [], {
      Simulate: policy({ Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: userArn('reader') }, { Effect: 'Allow', Action: 'iam:SimulateCustomPolicy', Resource: '*' }),
    });
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'auditor' }))).AccessKey!;
    const asAuditor = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, maxAttempts: 1 });
    clients.push(asAuditor);
    const allowed = await asAuditor.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn('reader'), ActionNames: ['s3:GetObject'] }));
    assert.deepEqual(decisions(allowed.EvaluationResults), [['s3:GetObject', 'allowed']]);
    await asAuditor.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], ActionNames: ['s3:GetObject'] }));
    await expectError(
      asAuditor.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: userArn('careful'), ActionNames: ['s3:GetObject'] })),
      'AccessDenied',
      `User: ${userArn('auditor')} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${userArn('careful')} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
      403,
    );
  });

  it('agrees with what the S3 server decides for the same user', async () => {
    await createUser('agent', [S3_READ], {
      NoSecrets: policy({ Effect: 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/secret/*` }),
      MayWriteDrafts: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${B}/drafts/*` }),
    });
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'agent' }))).AccessKey!;
    const asAgent = t.s3({ credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
    const cases: Array<{ action: string; resource: string; call: () => Promise<unknown> }> = [
      { action: 's3:GetObject', resource: OBJECT, call: () => asAgent.send(new GetObjectCommand({ Bucket: B, Key: 'k' })) },
      { action: 's3:GetObject', resource: `arn:aws:s3:::${B}/secret/plans`, call: () => asAgent.send(new GetObjectCommand({ Bucket: B, Key: 'secret/plans' })) },
      { action: 's3:PutObject', resource: OBJECT, call: () => asAgent.send(new PutObjectCommand({ Bucket: B, Key: 'k', Body: 'x' })) },
      { action: 's3:PutObject', resource: `arn:aws:s3:::${B}/drafts/d1`, call: () => asAgent.send(new PutObjectCommand({ Bucket: B, Key: 'drafts/d1', Body: 'x' })) },
      { action: 's3:ListBucket', resource: `arn:aws:s3:::${B}`, call: () => asAgent.send(new ListObjectsV2Command({ Bucket: B })) },
    ];
    const seen: string[] = [];
    for (const c of cases) {
      const out = await simulate({ user: 'agent', ActionNames: [c.action], ResourceArns: [c.resource] });
      const simulated = out.EvaluationResults![0]!.ResourceSpecificResults![0]!.EvalResourceDecision;
      const served = await c.call().then(
        () => 'allowed',
        (e: { name: string }) => e.name,
      );
      assert.equal(served === 'allowed', simulated === 'allowed', `${c.action} ${c.resource}: simulated ${simulated}, S3 answered ${served}`);
      if (served !== 'allowed') assert.equal(served, 'AccessDenied');
      seen.push(`${c.action} ${c.resource.slice(`arn:aws:s3:::${B}`.length) || '/'}: ${simulated}`);
    }
    assert.deepEqual(seen, ['s3:GetObject /k: allowed', 's3:GetObject /secret/plans: explicitDeny', 's3:PutObject /k: implicitDeny', 's3:PutObject /drafts/d1: allowed', 's3:ListBucket /: allowed']);
  });
});
