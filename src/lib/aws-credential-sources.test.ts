import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CredentialSourceError, resolveAwsCredentials, resolveAwsEndpoint, resolveAwsRegion, type CredentialSourceEnv } from './aws-credential-sources.ts';

const CREDENTIALS = `# comment
[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = default/secret

[dev]
aws_access_key_id=AKIADEV
aws_secret_access_key=dev+secret#not-a-comment
aws_session_token = FwoGdev
`;
const CONFIG = `[default]
region = eu-west-1

[profile dev]
region = ap-southeast-2
s3 =
  addressing_style = path

[profile fromconfig]
aws_access_key_id = AKIACONFIG
aws_secret_access_key = config-secret

[profile sso]
sso_session = corp
`;

function sources(env: Record<string, string> = {}, files: Record<string, string> = { '/home/u/.aws/credentials': CREDENTIALS, '/home/u/.aws/config': CONFIG }): CredentialSourceEnv {
  return { env, homeDir: '/home/u', readFile: (p) => files[p] };
}

describe('resolveAwsCredentials', () => {
  it('environment first (with a session token), then the default profile', () => {
    assert.deepEqual(resolveAwsCredentials(sources({ AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env', AWS_SESSION_TOKEN: 'tok' })), {
      accessKeyId: 'AKIAENV',
      secretAccessKey: 'env',
      sessionToken: 'tok',
      source: 'environment',
    });
    assert.deepEqual(resolveAwsCredentials(sources()), { accessKeyId: 'AKIADEFAULT', secretAccessKey: 'default/secret', source: 'profile default (/home/u/.aws/credentials)' });
  });

  it('AWS_PROFILE picks a profile unless the environment has keys; --profile wins over both', () => {
    assert.equal(resolveAwsCredentials(sources({ AWS_PROFILE: 'dev' }))?.accessKeyId, 'AKIADEV');
    assert.equal(resolveAwsCredentials(sources({ AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'e' }))?.accessKeyId, 'AKIAENV');
    const dev = resolveAwsCredentials(sources({ AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'e' }), { profile: 'dev' });
    assert.deepEqual(dev, { accessKeyId: 'AKIADEV', secretAccessKey: 'dev+secret#not-a-comment', sessionToken: 'FwoGdev', source: 'profile dev (/home/u/.aws/credentials)' });
    assert.equal(resolveAwsCredentials(sources(), { profile: 'fromconfig' })?.source, 'profile fromconfig (/home/u/.aws/config)');
  });

  it('files move with AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE; nothing anywhere is undefined', () => {
    const moved = sources({ AWS_SHARED_CREDENTIALS_FILE: '~/creds', AWS_CONFIG_FILE: '/etc/aws' }, { '/home/u/creds': '[default]\naws_access_key_id=A\naws_secret_access_key=B\n', '/etc/aws': '[default]\nregion=us-west-2\n' });
    assert.equal(resolveAwsCredentials(moved)?.accessKeyId, 'A');
    assert.equal(resolveAwsRegion(moved), 'us-west-2');
    assert.equal(resolveAwsCredentials(sources({}, {})), undefined);
  });

  it('clear errors for half-set keys, missing profiles and profiles that need more than static keys', () => {
    assert.throws(() => resolveAwsCredentials(sources({ AWS_ACCESS_KEY_ID: 'A' })), /must be set together/);
    assert.throws(() => resolveAwsCredentials(sources(), { profile: 'nope' }), (e: Error) => e instanceof CredentialSourceError && /profile nope not found \(looked in \/home\/u\/\.aws\/credentials and \/home\/u\/\.aws\/config\)/.test(e.message));
    assert.throws(() => resolveAwsCredentials(sources({ AWS_PROFILE: 'sso' })), /gets its credentials through sso_session, which coffer does not support: export AWS_ACCESS_KEY_ID/);
  });
});

describe('resolveAwsRegion and resolveAwsEndpoint', () => {
  it('region: AWS_REGION, AWS_DEFAULT_REGION, then the profile', () => {
    assert.equal(resolveAwsRegion(sources({ AWS_REGION: 'r1', AWS_DEFAULT_REGION: 'r2' })), 'r1');
    assert.equal(resolveAwsRegion(sources({ AWS_DEFAULT_REGION: 'r2' })), 'r2');
    assert.equal(resolveAwsRegion(sources()), 'eu-west-1');
    assert.equal(resolveAwsRegion(sources({ AWS_PROFILE: 'dev' })), 'ap-southeast-2');
    assert.equal(resolveAwsRegion(sources(), { profile: 'fromconfig' }), undefined);
  });

  it('endpoint: AWS_ENDPOINT_URL_S3 before AWS_ENDPOINT_URL', () => {
    assert.equal(resolveAwsEndpoint({ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_S3: 'http://b' }), 'http://b');
    assert.equal(resolveAwsEndpoint({ AWS_ENDPOINT_URL: 'http://a' }), 'http://a');
    assert.equal(resolveAwsEndpoint({}), undefined);
  });
});
