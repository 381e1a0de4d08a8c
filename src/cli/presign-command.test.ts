import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presignCommand } from './presign-command.ts';
import { captureIo } from './testing/capture-io.ts';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const SPEC_URL =
  'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

describe('coffer presign', () => {
  it('prints the presigned URL and nothing else (the spec example)', async () => {
    const io = captureIo({ env: KEYS, now: Date.UTC(2013, 4, 24) });
    assert.equal(await presignCommand(['s3://examplebucket/test.txt', '--expires-in', '1d', '--endpoint', 'https://s3.amazonaws.com'], io), 0);
    assert.equal(io.out(), SPEC_URL + '\n');
    assert.equal(io.err(), '');
  });

  it('defaults: GET, 1 hour, AWS’s regional endpoint for the region, virtual-hosted', async () => {
    const io = captureIo({ env: { ...KEYS, AWS_REGION: 'eu-west-1' }, now: Date.UTC(2024, 0, 2) });
    assert.equal(await presignCommand(['s3://photos/a b.jpg'], io), 0);
    assert.match(io.out(), /^https:\/\/photos\.s3\.eu-west-1\.amazonaws\.com\/a%20b\.jpg\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240102%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20240102T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=[0-9a-f]{64}\n$/);
  });

  it('--path-style, --region, --method, AWS_ENDPOINT_URL', async () => {
    const io = captureIo({ env: { ...KEYS, AWS_ENDPOINT_URL: 'http://127.0.0.1:9000' }, now: 0 });
    assert.equal(await presignCommand(['s3://photos/k', '--method', 'put', '--region', 'us-west-2'], io), 0);
    assert.match(io.out(), /^http:\/\/127\.0\.0\.1:9000\/photos\/k\?.*%2Fus-west-2%2F/);
    const aws = captureIo({ env: KEYS, now: 0 });
    await presignCommand(['s3://photos/k', '--path-style'], aws);
    assert.match(aws.out(), /^https:\/\/s3\.us-east-1\.amazonaws\.com\/photos\/k\?/);
  });

  it('temporary credentials add X-Amz-Security-Token, with a note that the session bounds the URL', async () => {
    const io = captureIo({ env: { ...KEYS, AWS_SESSION_TOKEN: 'Fwo/token=' }, now: 0 });
    assert.equal(await presignCommand(['s3://b/k', '--expires-in', '7d'], io), 0);
    assert.match(io.out(), /&X-Amz-Security-Token=Fwo%2Ftoken%3D&/);
    assert.match(io.err(), /note: signed with temporary credentials \(environment\): the URL stops working when their session expires, even if that is sooner than 7 days/);
  });

  it('--profile reads ~/.aws/credentials and the profile’s region from ~/.aws/config', async () => {
    const files = {
      '/home/test/.aws/credentials': '[work]\naws_access_key_id = AKIAWORK\naws_secret_access_key = s\n',
      '/home/test/.aws/config': '[profile work]\nregion = ap-northeast-1\n',
    };
    const io = captureIo({ env: KEYS, files, now: 0 });
    assert.equal(await presignCommand(['s3://bkt/k', '--profile', 'work'], io), 0);
    assert.match(io.out(), /^https:\/\/bkt\.s3\.ap-northeast-1\.amazonaws\.com\/k\?.*Credential=AKIAWORK%2F19700101%2Fap-northeast-1%2F/);
  });

  it('--v2: AWSAccessKeyId, Expires in epoch seconds, Signature; a warning where AWS only takes SigV4', async () => {
    const io = captureIo({ env: KEYS, now: 1_141_885_520_000 });
    assert.equal(await presignCommand(['s3://awsexamplebucket1/photos/puppy.jpg', '--v2', '--region', 'us-west-1'], io), 0);
    assert.equal(io.out(), 'https://awsexamplebucket1.s3.us-west-1.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1141889120&Signature=mi%2Bpm7K7iCx46UlaDc8X8pxyzFc%3D\n');
    const frankfurt = captureIo({ env: KEYS, now: 0 });
    await presignCommand(['s3://b/k', '--v2', '--region', 'eu-central-1'], frankfurt);
    assert.match(frankfurt.err(), /warning: eu-central-1 accepts only Signature Version 4/);
  });

  it('usage errors: exit 2 with a message that says what is wrong', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['s3://b/k', '--expires-in', '8d'], KEYS, /--expires-in: "8d" is 691200 seconds, longer than 7 days/],
      [['s3://b/k', '--expires-in', '0'], KEYS, /must be at least 1s/],
      [['s3://b/k', '--method', 'PATCH'], KEYS, /--method: "PATCH" is not one of GET, PUT, DELETE, HEAD/],
      [['https://b/k'], KEYS, /is not an s3:\/\/bucket\/key URI/],
      [[], KEYS, /give exactly one s3:\/\/bucket\/key/],
      [['s3://b/k'], {}, /no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/],
      [['s3://b/k', '--endpoint', 'localhost:9000'], KEYS, /endpoint "localhost:9000" is not a URL|must start with http/],
      [['s3://b/k', '--bogus'], KEYS, /Unknown option '--bogus'/],
    ];
    for (const [argv, env, message] of cases) {
      const io = captureIo({ env, now: 0 });
      assert.equal(await presignCommand(argv, io), 2, argv.join(' '));
      assert.match(io.err(), message);
      assert.equal(io.out(), '');
    }
  });
});
