/**
 * boto3 (Debian's python3-boto3, run with /usr/bin/python3) through IAM, STS and S3 as a Python
 * application uses them: the account root makes a read-only user and a role with the iam
 * client; the user lists buckets (allowed) and puts an object (refused, with AWS's enhanced
 * AccessDenied text), asks STS who it is, gets a session token, assumes the role for 900 s and
 * uses that session for S3 — directly and through a URL from `generate_presigned_url`. Then the
 * server's clock moves past the session's end and boto3 sees ExpiredToken on both.
 *
 * boto3 signs with the machine's clock, not the test server's: moving only the server's clock by
 * more than 15 minutes would first trip RequestTimeTooSkewed (checked before credentials, as on
 * AWS), and we would never see the session expire. So this server allows 3 hours of skew
 * (`maxSkewMs`, the `--max-skew` flag), as test/interop/aws-sts-cli.test.ts does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool, runTool } from './run-tool.ts';

const PYTHON = '/usr/bin/python3';
const skip = missingTool(PYTHON, 'python3-boto3');

/** Shared by both scripts: clients for given keys, and what a ClientError / HTTP error says. */
const PRELUDE = String.raw`
import json, os, sys, urllib.request, urllib.error, xml.etree.ElementTree as ET
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
ENDPOINT = os.environ['ENDPOINT']
CONFIG = Config(s3={'addressing_style': 'path'}, retries={'max_attempts': 1, 'mode': 'standard'})
def client(service, keys, config=CONFIG):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name='us-east-1', config=config,
                        aws_access_key_id=keys['AccessKeyId'], aws_secret_access_key=keys['SecretAccessKey'],
                        aws_session_token=keys.get('SessionToken'))
def error(call):
    try:
        call()
    except ClientError as e:
        err = e.response['Error']
        return {'status': e.response['ResponseMetadata']['HTTPStatusCode'], 'code': err.get('Code'),
                'message': err.get('Message'), 'token': err.get('Token-0'), 'text': str(e)}
    return 'no error'
def fetch(url):
    try:
        with urllib.request.urlopen(url) as r:
            return {'status': r.status, 'body': r.read().decode()}
    except urllib.error.HTTPError as e:
        doc = ET.fromstring(e.read())
        return {'status': e.code, 'fields': [[c.tag, c.text] for c in doc]}
state = json.loads(sys.stdin.read())
out = {}
`;

const SETUP = String.raw`
root = {'AccessKeyId': os.environ['AKID'], 'SecretAccessKey': os.environ['SECRET']}
s3root = client('s3', root)
s3root.create_bucket(Bucket='boto-iam')
s3root.put_object(Bucket='boto-iam', Key='hello.txt', Body=b'hello')

iam = client('iam', root)
user = iam.create_user(UserName='reader')['User']
iam.attach_user_policy(UserName='reader', PolicyArn='arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')
key = iam.create_access_key(UserName='reader')['AccessKey']
out['user'] = {'arn': user['Arn'], 'key_id': key['AccessKeyId'], 'status': key['Status']}
trust = {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': user['Arn']}, 'Action': 'sts:AssumeRole'}]}
role = iam.create_role(RoleName='app', AssumeRolePolicyDocument=json.dumps(trust))['Role']
iam.attach_role_policy(RoleName='app', PolicyArn='arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')
out['role_arn'] = role['Arn']

reader = {'AccessKeyId': key['AccessKeyId'], 'SecretAccessKey': key['SecretAccessKey']}
s3 = client('s3', reader)
out['buckets'] = [b['Name'] for b in s3.list_buckets()['Buckets']]
out['put_denied'] = error(lambda: s3.put_object(Bucket='boto-iam', Key='new.txt', Body=b'x'))

sts = client('sts', reader)
who = sts.get_caller_identity()
out['caller'] = {'Arn': who['Arn'], 'UserId': who['UserId'], 'Account': who['Account']}

token = sts.get_session_token(DurationSeconds=900)['Credentials']
out['session_token'] = {k: token[k] for k in ('AccessKeyId', 'SecretAccessKey', 'SessionToken')}
out['session_token_expiration'] = token['Expiration'].isoformat()
out['session_token_buckets'] = [b['Name'] for b in client('s3', token).list_buckets()['Buckets']]

assumed = sts.assume_role(RoleArn=role['Arn'], RoleSessionName='boto-app', DurationSeconds=900)
creds = assumed['Credentials']
out['assumed_arn'] = assumed['AssumedRoleUser']['Arn']
out['role_session'] = {k: creds[k] for k in ('AccessKeyId', 'SecretAccessKey', 'SessionToken')}
out['role_session_expiration'] = creds['Expiration'].isoformat()
s3role = client('s3', creds)
out['role_get'] = s3role.get_object(Bucket='boto-iam', Key='hello.txt')['Body'].read().decode()
out['role_caller'] = client('sts', creds).get_caller_identity()['Arn']
# This botocore presigns S3 URLs with SigV2 unless told otherwise; both die with the session.
params = {'Bucket': 'boto-iam', 'Key': 'hello.txt'}
out['url'] = s3role.generate_presigned_url('get_object', Params=params, ExpiresIn=3600)
v4 = client('s3', creds, CONFIG.merge(Config(signature_version='s3v4')))
out['url_v4'] = v4.generate_presigned_url('get_object', Params=params, ExpiresIn=3600)
out['url_now'] = fetch(out['url'])
out['url_v4_now'] = fetch(out['url_v4'])
print(json.dumps(out))
`;

const AFTER_EXPIRY = String.raw`
role = state['role_session']
out['role_get'] = error(lambda: client('s3', role).get_object(Bucket='boto-iam', Key='hello.txt'))
out['session_token_list'] = error(lambda: client('s3', state['session_token']).list_buckets())
out['role_caller'] = error(lambda: client('sts', role).get_caller_identity())
out['url'] = fetch(state['url'])
out['url_v4'] = fetch(state['url_v4'])
print(json.dumps(out))
`;

describe('boto3: IAM users and roles, STS sessions, and their end', { skip }, () => {
  let t: TestCoffer;
  let acct: string;
  before(async () => {
    // See the header: boto3 signs with the machine clock, and this test moves the server's.
    t = await startTestCoffer({ config: { maxSkewMs: 3 * 3600_000 } });
    acct = t.coffer.account.accountId;
  });
  after(() => t.stop());

  const python = async (script: string, state: object = {}) => {
    const r = await runTool(PYTHON, ['-c', PRELUDE + script], {
      env: { ENDPOINT: t.endpoint, AKID: t.credentials.accessKeyId, SECRET: t.credentials.secretAccessKey },
      input: JSON.stringify(state),
    });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout);
  };

  it('read-only user, get_caller_identity, get_session_token, assume_role 900 s → S3 → ExpiredToken once the session is over', async () => {
    const out = await python(SETUP);
    const userArn = `arn:aws:iam::${acct}:user/reader`;
    assert.equal(out.user.arn, userArn);
    assert.match(out.user.key_id, /^AKIA[A-Z0-9]{16}$/);
    assert.equal(out.user.status, 'Active');
    assert.equal(out.role_arn, `arn:aws:iam::${acct}:role/app`);

    // AmazonS3ReadOnlyAccess: listing works, writing does not — with the enhanced message.
    assert.deepEqual(out.buckets, ['boto-iam']);
    assert.deepEqual(out.put_denied, {
      status: 403,
      code: 'AccessDenied',
      message: `User: ${userArn} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::boto-iam/new.txt" because no identity-based policy allows the s3:PutObject action`,
      token: null,
      text: `An error occurred (AccessDenied) when calling the PutObject operation: User: ${userArn} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::boto-iam/new.txt" because no identity-based policy allows the s3:PutObject action`,
    });

    assert.equal(out.caller.Arn, userArn);
    assert.match(out.caller.UserId, /^AIDA[A-Z0-9]{17}$/);
    assert.equal(out.caller.Account, acct);

    // GetSessionToken: a 900-second session with the user's own permissions.
    assert.match(out.session_token.AccessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.ok(Math.abs(Date.parse(out.session_token_expiration) - (t.clock.now() + 900_000)) < 5000, out.session_token_expiration);
    assert.deepEqual(out.session_token_buckets, ['boto-iam']);

    // AssumeRole for 900 s: the session reads, is seen as the assumed role, and signs a URL.
    assert.equal(out.assumed_arn, `arn:aws:sts::${acct}:assumed-role/app/boto-app`);
    assert.match(out.role_session.AccessKeyId, /^ASIA[A-Z0-9]{16}$/);
    const roleExpiration = Date.parse(out.role_session_expiration);
    assert.ok(Math.abs(roleExpiration - (t.clock.now() + 900_000)) < 5000, out.role_session_expiration);
    assert.equal(out.role_get, 'hello');
    assert.equal(out.role_caller, out.assumed_arn);
    assert.match(out.url, /[?&]AWSAccessKeyId=ASIA[A-Z0-9]{16}&Signature=[^&]+&x-amz-security-token=[^&]+&Expires=\d+$/);
    assert.match(out.url_v4, /[?&]X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA[A-Z0-9]{16}%2F/);
    assert.match(out.url_v4, /&X-Amz-Expires=3600&X-Amz-Security-Token=[^&]+&X-Amz-Signature=[0-9a-f]{64}$/);
    assert.deepEqual(out.url_now, { status: 200, body: 'hello' });
    assert.deepEqual(out.url_v4_now, { status: 200, body: 'hello' });

    // Past the session's end (the URL's own hour is not over): ExpiredToken, Token-0 the token sent.
    const offset = t.clock.now() - Date.now();
    t.clock.set(roleExpiration + 1000);
    try {
      const later = await python(AFTER_EXPIRY, out);
      const expired = (token: string, operation: string) => ({
        status: 400,
        code: 'ExpiredToken',
        message: 'The provided token has expired.',
        token,
        text: `An error occurred (ExpiredToken) when calling the ${operation} operation: The provided token has expired.`,
      });
      assert.deepEqual(later.role_get, expired(out.role_session.SessionToken, 'GetObject'));
      assert.deepEqual(later.session_token_list, expired(out.session_token.SessionToken, 'ListBuckets'));
      // STS says it its own way (403, no final period).
      assert.deepEqual(later.role_caller, {
        status: 403,
        code: 'ExpiredToken',
        message: 'The security token included in the request is expired',
        token: null,
        text: 'An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired',
      });
      for (const url of [later.url, later.url_v4]) {
        assert.equal(url.status, 400);
        assert.deepEqual(url.fields.slice(0, 3), [
          ['Code', 'ExpiredToken'],
          ['Message', 'The provided token has expired.'],
          ['Token-0', out.role_session.SessionToken],
        ]);
      }
    } finally {
      t.clock.set(Date.now() + offset);
    }
  });
});
