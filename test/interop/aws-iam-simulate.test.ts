/**
 * `aws iam simulate-principal-policy` (Debian's awscli) against Coffer: a user with
 * AmazonS3ReadOnlyAccess simulated for s3:GetObject and s3:PutObject on one object, the CLI's
 * shorthand for context entries, and an unknown source as the CLI prints it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool, runTool } from './run-tool.ts';

const AWS = '/usr/bin/aws';
const skip = missingTool(AWS, 'awscli');

describe('aws iam simulate-principal-policy (CLI)', { skip }, () => {
  let t: TestCoffer;
  let acct: string;
  const aws = (...args: string[]) =>
    runTool(AWS, ['--endpoint-url', t.endpoint, '--no-cli-pager', '--output', 'json', ...args], {
      env: {
        AWS_ACCESS_KEY_ID: t.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
  const ok = async (...args: string[]) => {
    const r = await aws(...args);
    assert.equal(r.code, 0, `aws ${args.join(' ')}\n${r.stderr}`);
    return r.stdout.trim() === '' ? {} : JSON.parse(r.stdout);
  };

  before(async () => {
    t = await startTestCoffer();
    acct = t.coffer.account.accountId;
    await ok('iam', 'create-user', '--user-name', 'alice');
    await ok('iam', 'attach-user-policy', '--user-name', 'alice', '--policy-arn', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  });
  after(async () => {
    await t.stop();
  });

  it('--action-names s3:GetObject s3:PutObject --resource-arns arn:aws:s3:::b/k', async () => {
    const out = await ok(
      'iam', 'simulate-principal-policy',
      '--policy-source-arn', `arn:aws:iam::${acct}:user/alice`,
      '--action-names', 's3:GetObject', 's3:PutObject',
      '--resource-arns', 'arn:aws:s3:::b/k',
    );
    const statement = { SourcePolicyId: 'AmazonS3ReadOnlyAccess', SourcePolicyType: 'aws-managed', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 14, Column: 5 } };
    assert.deepEqual(out, {
      EvaluationResults: [
        {
          EvalActionName: 's3:GetObject',
          EvalResourceName: 'arn:${Partition}:s3:::${BucketName}/${KeyName}',
          EvalDecision: 'allowed',
          MatchedStatements: [statement],
          MissingContextValues: [],
          OrganizationsDecisionDetail: { AllowedByOrganizations: true },
          EvalDecisionDetails: {},
          ResourceSpecificResults: [{ EvalResourceName: 'arn:aws:s3:::b/k', EvalResourceDecision: 'allowed', MatchedStatements: [statement], MissingContextValues: [] }],
        },
        {
          EvalActionName: 's3:PutObject',
          EvalResourceName: 'arn:${Partition}:s3:::${BucketName}/${KeyName}',
          EvalDecision: 'implicitDeny',
          MatchedStatements: [],
          MissingContextValues: [],
          OrganizationsDecisionDetail: { AllowedByOrganizations: true },
          EvalDecisionDetails: {},
          ResourceSpecificResults: [{ EvalResourceName: 'arn:aws:s3:::b/k', EvalResourceDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] }],
        },
      ],
      // The CLI pages through IsTruncated / Marker itself and prints neither.
    });
  });

  it('--policy-input-list and --context-entries in the shorthand syntax', async () => {
    const office = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }],
    });
    const run = async (...extra: string[]) => {
      const out = await ok(
        'iam', 'simulate-principal-policy',
        '--policy-source-arn', `arn:aws:iam::${acct}:user/alice`,
        '--action-names', 's3:PutObject',
        '--policy-input-list', office,
        ...extra,
      );
      return [out.EvaluationResults[0].EvalDecision, out.EvaluationResults[0].MissingContextValues];
    };
    assert.deepEqual(await run(), ['implicitDeny', ['aws:SourceIp']]);
    assert.deepEqual(await run('--context-entries', 'ContextKeyName=aws:SourceIp,ContextKeyValues=10.1.2.3,ContextKeyType=ip'), ['allowed', []]);
    assert.deepEqual(await run('--context-entries', 'ContextKeyName=aws:SourceIp,ContextKeyValues=192.0.2.1,ContextKeyType=ip'), ['implicitDeny', []]);
  });

  it('an unknown source is NoSuchEntity', async () => {
    const r = await aws('iam', 'simulate-principal-policy', '--policy-source-arn', `arn:aws:iam::${acct}:user/ghost`, '--action-names', 's3:GetObject');
    assert.notEqual(r.code, 0);
    assert.equal(r.stderr.trim(), 'An error occurred (NoSuchEntity) when calling the SimulatePrincipalPolicy operation: The user with name ghost cannot be found.');
  });
});
