/**
 * Bucket policies end to end (../shared/spec/policy-evaluation.md §1, §8.4): PutBucketPolicy /
 * GetBucketPolicy / DeleteBucketPolicy / GetBucketPolicyStatus through the AWS SDK v3 and raw
 * requests — the text kept byte for byte, S3's MalformedPolicy messages, principals checked
 * against this server's IAM users, roles and accounts, BlockPublicPolicy, the public-policy
 * test. Whether a policy grants or denies is the authorizer's tests' business, not this file's.
 */
import { CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  DeletePublicAccessBlockCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { rawRequest, type RawRequest } from './raw-request.ts';

const B = 'policies'; // Block Public Access removed in `before`
const NEW = 'policies-new'; // as created: all four Block Public Access flags on
const OTHER_ACCOUNT = '999988887777'; // no account of this server

interface Statement {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}

const readObjects = (bucket: string, extra: Partial<Statement> = {}): Statement => ({
  Effect: 'Allow',
  Principal: { AWS: OTHER_ACCOUNT },
  Action: 's3:GetObject',
  Resource: `arn:aws:s3:::${bucket}/*`,
  ...extra,
});
const policyOf = (...statements: Statement[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
/** Everyone may read, or everyone from one /24 — which Block Public Access does not call public. */
const publicRead = (bucket: string) => policyOf(readObjects(bucket, { Principal: '*' }));
const oneNetworkRead = (bucket: string) =>
  policyOf(readObjects(bucket, { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }));

describe('bucket policies', () => {
  let t: TestCoffer;
  let s3: S3Client;
  let iam: IAMClient;
  const signed = (r: Omit<RawRequest, 'sign'>) => rawRequest(t.endpoint, { ...r, sign: t.credentials });
  const put = (bucket: string, policy: string) => s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  const getText = async (bucket: string) => (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
  const isPublic = async (bucket: string) => (await s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus?.IsPublic;
  const malformed = (message: string) => ({ code: 'MalformedPolicy', status: 400, message });
  const noPolicy = (bucket: string) => ({ code: 'NoSuchBucketPolicy', status: 404, message: 'The bucket policy does not exist', fields: { BucketName: bucket } });

  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    iam = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: t.credentials, maxAttempts: 1 });
    for (const name of [B, NEW]) await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: B }));
  });
  after(async () => {
    iam.destroy();
    await t.stop();
  });

  it('stores the policy byte for byte: PUT 204, GET 200 application/json with the same text', async () => {
    // White space, key order, escapes, non-ASCII text and a trailing newline, all kept.
    const text =
      '{\n\t"Statement" : [ {"Sid":"caf\u00e9 \\u00e9 \\/ ok", "Resource":"arn:aws:s3:::policies/*",\r\n' +
      `  "Action":["s3:GetObject"] ,"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${OTHER_ACCOUNT}:root"}}],\n` +
      '  "Version": "2012-10-17"\n}\n';
    const sent: Array<Record<string, string>> = [];
    const client = t.s3();
    client.middlewareStack.add(
      (next) => async (args) => {
        sent.push({ ...(args.request as { headers: Record<string, string> }).headers });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'captureHeaders' },
    );
    const res = await client.send(new PutBucketPolicyCommand({ Bucket: B, Policy: text, ConfirmRemoveSelfBucketAccess: true }));
    assert.equal(res.$metadata.httpStatusCode, 204);
    assert.equal(sent[0]?.['x-amz-confirm-remove-self-bucket-access'], 'true', 'accepted (and ignored)');
    assert.ok(Object.keys(sent[0] ?? {}).some((h) => h.startsWith('x-amz-checksum-') || h === 'content-md5'), 'the SDK sent a body checksum');

    assert.equal(await getText(B), text);
    const raw = await signed({ method: 'GET', path: `/${B}`, query: { policy: '' } });
    assert.equal(raw.status, 200);
    assert.equal(raw.headers['content-type'], 'application/json');
    assert.equal(raw.body, text);
    assert.equal(raw.headers['content-length'], String(Buffer.byteLength(text)));

    // Replaced whole by the next PUT.
    const next = policyOf(readObjects(B, { Sid: 'second' }));
    await put(B, next);
    assert.equal(await getText(B), next);
  });

  it("refuses malformed policies with S3's MalformedPolicy message and keeps the one in force", async () => {
    const kept = policyOf(readObjects(B, { Sid: 'kept' }));
    await put(B, kept);
    const cases: Array<[what: string, policy: string, message: string]> = [
      ['not JSON', 'allow everything', "Policies must be valid JSON and the first byte must be '{'"],
      ['broken JSON', '{"Version": "2012-10-17", "Statement": [', 'This policy contains invalid Json'],
      ['unknown version', JSON.stringify({ Version: '2012-10-18', Statement: [readObjects(B)] }), 'The policy must contain a valid version string'],
      ['no Principal', policyOf(readObjects(B, { Principal: undefined })), 'Missing required field Principal'],
      ['unknown action', policyOf(readObjects(B, { Action: 's3:GetObjekt' })), 'Policy has invalid action'],
      ['resource of another bucket', policyOf(readObjects(B, { Resource: 'arn:aws:s3:::someone-else/*' })), 'Policy has invalid resource'],
      ['object action on the bucket ARN only', policyOf(readObjects(B, { Resource: `arn:aws:s3:::${B}` })), 'Action does not apply to any resource(s) in statement'],
      [
        'unknown condition key',
        policyOf(readObjects(B, { Condition: { StringEquals: { 's3:prefixx': 'home/' } } })),
        'Policy has an invalid condition key',
      ],
      [
        'condition key no action of the statement has',
        policyOf(readObjects(B, { Condition: { StringLike: { 's3:prefix': 'home/*' } } })),
        'Conditions do not apply to combination of actions and resources in statement',
      ],
      ['unknown operator', policyOf(readObjects(B, { Condition: { StringEqualz: { 'aws:username': 'x' } } })), 'Invalid Condition type : StringEqualz'],
      ['malformed account principal', policyOf(readObjects(B, { Principal: { AWS: '1234' } })), 'Invalid principal in policy'],
      ['over 20 KB', policyOf(readObjects(B, { Sid: 'x'.repeat(20 * 1024) })), 'Policy exceeds the maximum allowed document size.'],
    ];
    for (const [what, policy, message] of cases) {
      await assertS3Error(put(B, policy), malformed(message)).catch((e: Error) => assert.fail(`${what}: ${e.message}`));
    }
    assert.equal(await getText(B), kept);
  });

  it('takes a policy of exactly 20 KB (20,480 bytes, white space counted)', async () => {
    const base = policyOf(readObjects(B));
    const text = base + ' '.repeat(20 * 1024 - Buffer.byteLength(base));
    assert.equal(Buffer.byteLength(text), 20 * 1024);
    await put(B, text);
    assert.equal(await getText(B), text);
  });

  it('checks principals against the IAM users, roles and accounts of this server', async () => {
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'reader', Path: '/apps/' }));
    const { Role } = await iam.send(new CreateRoleCommand({
      RoleName: 'Deployer',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: User!.Arn }, Action: 'sts:AssumeRole' }] }),
    }));
    const account = t.coffer.account;
    const ok = policyOf(
      readObjects(B, { Principal: { AWS: [User!.Arn!, Role!.Arn!, account.accountId, `arn:aws:iam::${account.accountId}:root`] } }),
      readObjects(B, { Principal: { CanonicalUser: account.canonicalId } }),
      // An account elsewhere, well formed: taken as AWS takes it.
      readObjects(B, { Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }),
    );
    await put(B, ok);
    assert.equal(await getText(B), ok, 'stored as sent, ARNs and all');

    const refused = [
      `arn:aws:iam::${account.accountId}:user/ghost`,
      `arn:aws:iam::${account.accountId}:user/reader`, // the user's path is /apps/
      `arn:aws:iam::${account.accountId}:role/Ghost`,
      `arn:aws:iam::${OTHER_ACCOUNT}:user/apps/reader`,
      `arn:aws:iam::${account.accountId}:user/apps/*`,
    ];
    for (const arn of refused) {
      await assertS3Error(put(B, policyOf(readObjects(B, { Principal: { AWS: arn } }))), malformed('Invalid principal in policy'));
    }
    await assertS3Error(put(B, policyOf(readObjects(B, { Principal: { CanonicalUser: 'f'.repeat(64) } }))), malformed('Invalid principal in policy'));
    assert.equal(await getText(B), ok);
  });

  it('BlockPublicPolicy refuses a public policy (403) on a new bucket, and not once Block Public Access is deleted', async () => {
    const bucket = 'policies-bpa';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await assertS3Error(put(bucket, publicRead(bucket)), { code: 'AccessDenied', status: 403, message: 'Access Denied' });
    await assertS3Error(s3.send(new GetBucketPolicyCommand({ Bucket: bucket })), noPolicy(bucket));
    // Not public: fixed principals, or `*` held to one network.
    await put(bucket, policyOf(readObjects(bucket)));
    await put(bucket, oneNetworkRead(bucket));
    assert.equal(await getText(bucket), oneNetworkRead(bucket));

    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
    await put(bucket, publicRead(bucket));
    assert.equal(await getText(bucket), publicRead(bucket));
    assert.equal(await isPublic(bucket), true);

    // BlockPublicPolicy alone is enough; the other flags play no part.
    const only = { BlockPublicAcls: false, IgnorePublicAcls: false, RestrictPublicBuckets: false };
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { ...only, BlockPublicPolicy: true } }));
    await assertS3Error(put(bucket, publicRead(bucket)), { code: 'AccessDenied', status: 403, message: 'Access Denied' });
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { ...only, RestrictPublicBuckets: true, BlockPublicAcls: true } }));
    await put(bucket, publicRead(bucket));

    // The owner account's setting counts too (effective = bucket OR account), bucket setting or none.
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
    const { identity, account } = t.coffer;
    const off = { blockPublicAcls: false, ignorePublicAcls: false, restrictPublicBuckets: false };
    await identity.putAccountPublicAccessBlock(account.accountId, { ...off, blockPublicPolicy: true });
    try {
      await assertS3Error(put(bucket, publicRead(bucket)), { code: 'AccessDenied', status: 403, message: 'Access Denied' });
      await put(bucket, oneNetworkRead(bucket));
    } finally {
      await identity.deleteAccountPublicAccessBlock(account.accountId);
    }
    await put(bucket, publicRead(bucket));
  });

  it('GetBucketPolicyStatus: IsPublic for `*`, not for `*` restricted by an aws:SourceIp /24', async () => {
    await put(B, publicRead(B));
    assert.equal(await isPublic(B), true);
    await put(B, oneNetworkRead(B));
    assert.equal(await isPublic(B), false);
    await put(B, policyOf(readObjects(B)));
    assert.equal(await isPublic(B), false);

    const raw = await signed({ method: 'GET', path: `/${B}`, query: { policyStatus: '' } });
    assert.equal(raw.status, 200);
    assert.equal(raw.headers['content-type'], 'application/xml');
    assert.equal(
      raw.body,
      '<?xml version="1.0" encoding="UTF-8"?>\n<PolicyStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsPublic>false</IsPublic></PolicyStatus>',
    );
  });

  it('no policy: GetBucketPolicy and GetBucketPolicyStatus are 404 NoSuchBucketPolicy; DeleteBucketPolicy 204 either way', async () => {
    await assertS3Error(s3.send(new GetBucketPolicyCommand({ Bucket: NEW })), noPolicy(NEW));
    await assertS3Error(s3.send(new GetBucketPolicyStatusCommand({ Bucket: NEW })), noPolicy(NEW));
    assert.equal((await s3.send(new DeleteBucketPolicyCommand({ Bucket: NEW }))).$metadata.httpStatusCode, 204);

    await put(NEW, policyOf(readObjects(NEW)));
    assert.equal((await s3.send(new DeleteBucketPolicyCommand({ Bucket: NEW }))).$metadata.httpStatusCode, 204);
    await assertS3Error(s3.send(new GetBucketPolicyCommand({ Bucket: NEW })), noPolicy(NEW));

    await assertS3Error(s3.send(new GetBucketPolicyCommand({ Bucket: 'no-such-bucket-here' })), {
      code: 'NoSuchBucket',
      status: 404,
      fields: { BucketName: 'no-such-bucket-here' },
    });
  });

  it('raw bodies: Content-MD5 checked when sent; no byte-order mark; UTF-8 only', async () => {
    const text = policyOf(readObjects(B, { Sid: 'raw' }));
    const md5 = createHash('md5').update(text).digest('base64');
    const putRaw = (body: string | Buffer, headers: Record<string, string> = {}) => signed({ method: 'PUT', path: `/${B}`, query: { policy: '' }, body, headers });

    const ok = await putRaw(text, { 'content-md5': md5 });
    assert.equal(ok.status, 204);
    assert.equal(ok.body, '');
    const noDigest = await putRaw(text.replace('raw', 'bare'));
    assert.equal(noDigest.status, 204, 'Content-MD5 is optional');

    const bad = await putRaw(text, { 'content-md5': createHash('md5').update('other').digest('base64') });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /<Code>BadDigest<\/Code>/);

    const bom = await putRaw(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    assert.equal(bom.status, 400);
    assert.match(bom.body, /<Code>MalformedPolicy<\/Code><Message>Policies must be valid JSON and the first byte must be '\{'<\/Message>/);

    const latin1 = await putRaw(Buffer.from(policyOf(readObjects(B, { Sid: 'caf\u00e9' })), 'latin1'));
    assert.equal(latin1.status, 400);
    assert.match(latin1.body, /<Code>MalformedPolicy<\/Code><Message>This policy contains invalid Json<\/Message>/);

    assert.equal(await getText(B), text.replace('raw', 'bare'));
  });
});
