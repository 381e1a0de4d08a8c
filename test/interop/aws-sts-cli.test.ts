/**
 * The aws CLI's STS commands against Coffer (`--endpoint-url`): get-caller-identity,
 * get-session-token and assume-role, then `aws s3 ls` with the credentials they return — and the
 * same once the server clock has passed the session's end, where the CLI shows ExpiredToken.
 *
 * The CLI signs with the machine's clock, so moving only the server's clock by more than 15
 * minutes would first trip RequestTimeTooSkewed (checked before credentials, as on AWS): this
 * server allows 3 hours of skew (`--max-skew`) so that the session's expiry is what is seen.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool, runTool } from './run-tool.ts';

const AWS = '/usr/bin/aws';
const skip = missingTool(AWS, 'awscli');

interface CliCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

describe('aws CLI: sts', { skip }, () => {
  let t: TestCoffer;
  let accountId: string;
  let alice: { accessKeyId: string; secretAccessKey: string };
  let aliceArn: string;
  let roleArn: string;

  const aws = (keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, ...args: string[]) =>
    runTool(AWS, ['--endpoint-url', t.endpoint, '--no-cli-pager', '--output', 'json', ...args], {
      env: {
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        ...(keys.sessionToken ? { AWS_SESSION_TOKEN: keys.sessionToken } : {}),
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
  const ok = async (keys: Parameters<typeof aws>[0], ...args: string[]) => {
    const r = await aws(keys, ...args);
    assert.equal(r.code, 0, `aws ${args.join(' ')}\n${r.stderr}`);
    return r.stdout;
  };
  const sessionKeys = (c: CliCredentials) => ({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });

  before(async () => {
    t = await startTestCoffer({ config: { maxSkewMs: 3 * 3600_000 } });
    accountId = t.coffer.account.accountId;
    const iam = t.coffer.identity.iam;
    aliceArn = (await iam.users.create({ accountId, userName: 'alice', path: '/' })).arn;
    const key = await iam.accessKeys.create(accountId, 'alice');
    alice = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: aliceArn }, Action: 'sts:AssumeRole' }] };
    roleArn = (await iam.roles.create({ accountId, roleName: 'cli-app', path: '/', assumeRolePolicyDocument: JSON.stringify(trust) })).arn;
    // Both may list buckets, as a user with AmazonS3ReadOnlyAccess would.
    await iam.attachments.attach({ accountId, kind: 'user', name: 'alice' }, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    await iam.attachments.attach({ accountId, kind: 'role', name: 'cli-app' }, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    await t.s3().send(new CreateBucketCommand({ Bucket: 'cli-sts' }));
  });
  after(() => t.stop());

  it('get-caller-identity: root and IAM user', async () => {
    assert.deepEqual(JSON.parse(await ok(t.credentials, 'sts', 'get-caller-identity')), {
      UserId: accountId,
      Account: accountId,
      Arn: `arn:aws:iam::${accountId}:root`,
    });
    const user = JSON.parse(await ok(alice, 'sts', 'get-caller-identity'));
    assert.equal(user.Arn, aliceArn);
    assert.match(user.UserId, /^AIDA[A-Z0-9]{17}$/);
  });

  it('get-session-token → s3 ls works → after the session ends, ExpiredToken', async () => {
    const out = JSON.parse(await ok(alice, 'sts', 'get-session-token', '--duration-seconds', '900'));
    const creds = out.Credentials as CliCredentials;
    assert.match(creds.AccessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.equal(Date.parse(creds.Expiration) % 1000, 0);
    assert.ok(Math.abs(Date.parse(creds.Expiration) - (t.clock.now() + 900_000)) < 3000, `Expiration ${creds.Expiration}`);
    assert.match(await ok(sessionKeys(creds), 's3', 'ls'), /cli-sts/);

    t.clock.advance(901_000);
    try {
      const r = await aws(sessionKeys(creds), 's3', 'ls');
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /An error occurred \(ExpiredToken\) when calling the ListBuckets operation: The provided token has expired\./);
      const who = await aws(sessionKeys(creds), 'sts', 'get-caller-identity');
      assert.notEqual(who.code, 0);
      assert.match(who.stderr, /An error occurred \(ExpiredToken\) when calling the GetCallerIdentity operation: The security token included in the request is expired/);
    } finally {
      t.clock.advance(-901_000);
    }
  });

  it('assume-role → s3 ls as the role → ExpiredToken an hour later', async () => {
    const out = JSON.parse(await ok(alice, 'sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'cli-session'));
    assert.equal(out.AssumedRoleUser.Arn, `arn:aws:sts::${accountId}:assumed-role/cli-app/cli-session`);
    assert.match(out.AssumedRoleUser.AssumedRoleId, /^AROA[A-Z0-9]{17}:cli-session$/);
    const creds = out.Credentials as CliCredentials;
    assert.ok(Math.abs(Date.parse(creds.Expiration) - (t.clock.now() + 3600_000)) < 3000, `Expiration ${creds.Expiration}`);
    assert.match(await ok(sessionKeys(creds), 's3', 'ls'), /cli-sts/);
    assert.equal(JSON.parse(await ok(sessionKeys(creds), 'sts', 'get-caller-identity')).Arn, out.AssumedRoleUser.Arn);

    t.clock.advance(3601_000);
    try {
      const r = await aws(sessionKeys(creds), 's3', 'ls');
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /An error occurred \(ExpiredToken\) when calling the ListBuckets operation: The provided token has expired\./);
    } finally {
      t.clock.advance(-3601_000);
    }
  });

  it('assume-role refused by the trust policy: the CLI shows AccessDenied with AWS’s text', async () => {
    const r = await aws(t.credentials, 'sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'root-try');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /An error occurred \(AccessDenied\) when calling the AssumeRole operation: Roles may not be assumed by root accounts\./);
    const other = await aws(alice, 'sts', 'assume-role', '--role-arn', `arn:aws:iam::${accountId}:role/missing`, '--role-session-name', 'x1');
    assert.match(
      other.stderr,
      new RegExp(`\\(AccessDenied\\) when calling the AssumeRole operation: User: ${aliceArn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accountId}:role/missing`),
    );
  });
});
