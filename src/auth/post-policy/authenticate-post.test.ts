import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { MemoryCredentialStore } from '../memory-credential-store.ts';
import { accountRoot } from '../principal.ts';
import { authenticatePost } from './authenticate-post.ts';
import {
  ACCOUNT,
  AKID,
  NOW_2024,
  SECRET,
  V2_EXAMPLE,
  V4_EXAMPLE,
  encodePolicy,
  makeDeps,
  makeForm,
  makeRequest,
  signV2,
  signedV4Form,
} from './testing/post-fixture.ts';

interface Expected {
  code: string;
  status: number;
  message?: string;
  fields?: Array<[string, string]>;
}

async function fails(promise: Promise<unknown>, expected: Expected): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof S3Error, String(e));
    assert.equal(e.code, expected.code, e.message);
    assert.equal(e.status, expected.status);
    if (expected.message !== undefined) assert.equal(e.message, expected.message);
    if (expected.fields !== undefined) assert.deepEqual(e.fields, expected.fields);
    return true;
  });
}

const v4Example = (extra: Array<[string, string]> = [], without: string[] = []) =>
  makeForm([
    ...V4_EXAMPLE.fields.filter(([n]) => !without.includes(n)),
    ['Policy', V4_EXAMPLE.policy],
    ['X-Amz-Signature', V4_EXAMPLE.signature],
    ...extra,
  ].filter(([n]) => !without.includes(n)) as Array<[string, string]>);

describe('authenticatePost: the published vectors', () => {
  it("accepts AWS's V4 POST example (signature 8afdbf40…), key expanded, signed at x-amz-date", async () => {
    const { auth, upload } = await authenticatePost(makeRequest(V4_EXAMPLE.bucket), v4Example(), makeDeps(V4_EXAMPLE.now));
    assert.equal(auth.kind, 'signed');
    if (auth.kind !== 'signed') return;
    assert.equal(auth.scheme, 'post-policy');
    assert.equal(auth.signatureVersion, 'AWS4-HMAC-SHA256');
    assert.equal(auth.signedAt, Date.UTC(2015, 11, 29));
    assert.deepEqual(auth.scope, { date: '20151229', region: 'us-east-1', service: 's3' });
    assert.equal(auth.credential.accessKeyId, AKID);
    assert.equal(upload.key, 'user/user1/photo.jpg');
    assert.equal(upload.policy?.expiration, Date.UTC(2015, 11, 30, 12));
    assert.equal(upload.policy?.conditions.length, 11);
  });

  it("accepts AWS's V2 POST example (signature gp42sMsv…)", async () => {
    const form = makeForm([...V2_EXAMPLE.fields, ['Policy', V2_EXAMPLE.policy], ['Signature', V2_EXAMPLE.signature]]);
    const { auth, upload } = await authenticatePost(makeRequest(V2_EXAMPLE.bucket), form, makeDeps(V2_EXAMPLE.now));
    assert.equal(auth.kind === 'signed' && auth.signatureVersion, 'AWS');
    assert.equal(auth.kind === 'signed' && auth.signedAt, V2_EXAMPLE.now);
    assert.equal(auth.kind === 'signed' && auth.scope, undefined);
    assert.equal(upload.key, 'user/eric/photo.jpg');
  });

  it('V2 forms are refused when SigV2 is off', async () => {
    const form = makeForm([...V2_EXAMPLE.fields, ['Policy', V2_EXAMPLE.policy], ['Signature', V2_EXAMPLE.signature]]);
    await fails(authenticatePost(makeRequest(V2_EXAMPLE.bucket), form, makeDeps(V2_EXAMPLE.now, { sigv2: false })), {
      code: 'InvalidRequest',
      status: 400,
      message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    });
  });
});

describe('authenticatePost: missing fields (InvalidArgument, AWS texts)', () => {
  const missing = (name: string) => ({
    code: 'InvalidArgument',
    status: 400,
    message: `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`,
    fields: [
      ['ArgumentName', name],
      ['ArgumentValue', ''],
    ] as Array<[string, string]>,
  });
  const run = (form: ReturnType<typeof makeForm>) => authenticatePost(makeRequest(V4_EXAMPLE.bucket), form, makeDeps(V4_EXAMPLE.now));

  it('key', () => fails(run(v4Example([], ['key'])), missing('key')));
  for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Signature']) {
    it(name, () => fails(run(v4Example([], [name])), missing(name)));
  }
  it('Policy (V4)', () => fails(run(v4Example([], ['Policy'])), missing('Policy')));
  it('AWSAccessKeyId, Signature and Policy (V2)', async () => {
    await fails(run(makeForm([['key', 'k'], ['signature', 'x'], ['policy', 'p']])), missing('AWSAccessKeyId'));
    await fails(run(makeForm([['key', 'k'], ['AWSAccessKeyId', AKID], ['policy', 'p']])), missing('Signature'));
    await fails(run(makeForm([['key', 'k'], ['AWSAccessKeyId', AKID], ['signature', 'x']])), missing('Policy'));
  });

  it('no signature fields at all: anonymous (the authorizer decides), whether or not a policy is sent', async () => {
    for (const fields of [[['key', 'a/${filename}']], [['key', 'a/${filename}'], ['policy', V4_EXAMPLE.policy]]] as Array<Array<[string, string]>>) {
      const { auth, upload } = await run(makeForm(fields));
      assert.equal(auth.kind, 'anonymous');
      assert.equal(upload.key, 'a/photo.jpg');
      assert.equal(upload.policy, undefined);
    }
  });
});

describe('authenticatePost: signing fields', () => {
  const run = (form: ReturnType<typeof makeForm>, region = 'us-east-1') =>
    authenticatePost(makeRequest(V4_EXAMPLE.bucket), form, makeDeps(V4_EXAMPLE.now, { region }));
  const withCredential = (value: string) =>
    makeForm([
      ...V4_EXAMPLE.fields.filter(([n]) => n !== 'X-Amz-Credential'),
      ['X-Amz-Credential', value],
      ['Policy', V4_EXAMPLE.policy],
      ['X-Amz-Signature', V4_EXAMPLE.signature],
    ]);

  it('x-amz-credential problems: InvalidArgument naming the field and its value', async () => {
    const cases: Array<[string, string, string?]> = [
      ['AKIAIOSFODNN7EXAMPLE/20151229/us-west-2/s3/aws4_request', "the region 'us-west-2' is wrong; expecting 'us-east-1'"],
      ['AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/iam/aws4_request', 'incorrect service "iam". This endpoint belongs to "s3".'],
      ['AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3', 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".'],
      ['AKIAIOSFODNN7EXAMPLE/2015122/us-east-1/s3/aws4_request', 'incorrect date format "2015122". This date in the credential must be in the format "yyyyMMdd".'],
      ['AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws5_request', 'incorrect terminal "aws5_request". This endpoint uses "aws4_request".'],
    ];
    for (const [value, message] of cases) {
      await fails(run(withCredential(value)), {
        code: 'InvalidArgument',
        status: 400,
        message,
        fields: [
          ['ArgumentName', 'x-amz-credential'],
          ['ArgumentValue', value],
        ],
      });
    }
  });

  it("a bucket in another region expects that region's scope", async () => {
    await fails(run(v4Example(), 'eu-west-1'), { code: 'InvalidArgument', status: 400, message: "the region 'us-east-1' is wrong; expecting 'eu-west-1'" });
  });

  it('an algorithm other than AWS4-HMAC-SHA256', async () => {
    const form = makeForm([...V4_EXAMPLE.fields.filter(([n]) => n !== 'X-Amz-Algorithm'), ['X-Amz-Algorithm', 'AWS4-ECDSA-P256-SHA256'], ['Policy', V4_EXAMPLE.policy], ['X-Amz-Signature', V4_EXAMPLE.signature]]);
    await fails(run(form), { code: 'InvalidRequest', status: 400 });
  });

  it('a malformed x-amz-date', async () => {
    const form = makeForm([...V4_EXAMPLE.fields.filter(([n]) => n !== 'X-Amz-Date'), ['X-Amz-Date', '2015-12-29'], ['Policy', V4_EXAMPLE.policy], ['X-Amz-Signature', V4_EXAMPLE.signature]]);
    await fails(run(form), { code: 'InvalidArgument', status: 400, fields: [['ArgumentName', 'x-amz-date'], ['ArgumentValue', '2015-12-29']] });
  });
});

describe('authenticatePost: expiry, keys, tokens, signatures — in AWS order', () => {
  it('the policy expired (after moving the clock): 403, before the key lookup and the signature', async () => {
    const expired = { code: 'AccessDenied', status: 403, message: 'Invalid according to Policy: Policy expired.' };
    const later = Date.UTC(2015, 11, 30, 12);
    await fails(authenticatePost(makeRequest(V4_EXAMPLE.bucket), v4Example(), makeDeps(later)), expired);
    const badSignature = makeForm([...V4_EXAMPLE.fields, ['Policy', V4_EXAMPLE.policy], ['X-Amz-Signature', '0'.repeat(64)]]);
    await fails(authenticatePost(makeRequest(V4_EXAMPLE.bucket), badSignature, makeDeps(later, { store: new MemoryCredentialStore() })), expired);
  });

  it('an unknown access key: InvalidAccessKeyId', async () => {
    await fails(authenticatePost(makeRequest(V4_EXAMPLE.bucket), v4Example(), makeDeps(V4_EXAMPLE.now, { store: new MemoryCredentialStore() })), {
      code: 'InvalidAccessKeyId',
      status: 403,
      message: 'The AWS Access Key Id you provided does not exist in our records.',
      fields: [['AWSAccessKeyId', AKID]],
    });
  });

  it('a wrong signature: SignatureDoesNotMatch with the base64 policy as StringToSign', async () => {
    const form = makeForm([...V4_EXAMPLE.fields, ['Policy', V4_EXAMPLE.policy], ['X-Amz-Signature', V4_EXAMPLE.signature.toUpperCase()]]);
    await assert.rejects(authenticatePost(makeRequest(V4_EXAMPLE.bucket), form, makeDeps(V4_EXAMPLE.now)), (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.equal(e.code, 'SignatureDoesNotMatch');
      assert.equal(e.status, 403);
      assert.deepEqual(
        e.fields.map(([n]) => n),
        ['AWSAccessKeyId', 'StringToSign', 'SignatureProvided', 'StringToSignBytes'],
      );
      assert.deepEqual(e.fields.slice(0, 3), [
        ['AWSAccessKeyId', AKID],
        ['StringToSign', V4_EXAMPLE.policy],
        ['SignatureProvided', V4_EXAMPLE.signature.toUpperCase()],
      ]);
      assert.ok(e.fields[3]![1].startsWith('65 79 41 69 5a 58 68 77'));
      return true;
    });
  });

  it('a V2 signature by another secret', async () => {
    const form = makeForm([...V2_EXAMPLE.fields, ['Policy', V2_EXAMPLE.policy], ['Signature', signV2(V2_EXAMPLE.policy, 'other')]]);
    await fails(authenticatePost(makeRequest(V2_EXAMPLE.bucket), form, makeDeps(V2_EXAMPLE.now)), { code: 'SignatureDoesNotMatch', status: 403 });
  });

  describe('temporary credentials', () => {
    const session = { accessKeyId: 'ASIAEXAMPLESESSION01', secretAccessKey: 'session/secret', principal: accountRoot(ACCOUNT), sessionToken: 'TOKEN-1' };
    const deps = (expiresAt: number) =>
      makeDeps(NOW_2024, { store: new MemoryCredentialStore([{ ...session, expiresAt }, { accessKeyId: AKID, secretAccessKey: SECRET, principal: accountRoot(ACCOUNT) }]) });

    it('a live session token in form and policy authenticates', async () => {
      const { form } = signedV4Form({ accessKeyId: session.accessKeyId, secret: session.secretAccessKey, sessionToken: 'TOKEN-1' });
      const { auth } = await authenticatePost(makeRequest('bucket'), form, deps(NOW_2024 + 60_000));
      assert.equal(auth.kind === 'signed' && auth.credential.sessionToken, 'TOKEN-1');
    });

    it('an expired session token wins over a bad signature: 400 ExpiredToken', async () => {
      const { form } = signedV4Form({ accessKeyId: session.accessKeyId, secret: 'wrong', sessionToken: 'TOKEN-1' });
      await fails(authenticatePost(makeRequest('bucket'), form, deps(NOW_2024 - 1)), {
        code: 'ExpiredToken',
        status: 400,
        fields: [['Token-0', 'TOKEN-1']],
      });
    });

    it('a session key without its token, or with another: InvalidAccessKeyId', async () => {
      for (const sessionToken of [undefined, 'TOKEN-2']) {
        const { form } = signedV4Form({ accessKeyId: session.accessKeyId, secret: session.secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
        await fails(authenticatePost(makeRequest('bucket'), form, deps(NOW_2024 + 60_000)), { code: 'InvalidAccessKeyId', status: 403 });
      }
    });

    it('a token in the form but not in the policy fails as the condition it lacks', async () => {
      const { form: signed } = signedV4Form({
        accessKeyId: session.accessKeyId,
        secret: session.secretAccessKey,
        conditions: [
          { bucket: 'bucket' },
          ['starts-with', '$key', ''],
          { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
          { 'x-amz-credential': `${session.accessKeyId}/20240115/us-east-1/s3/aws4_request` },
          { 'x-amz-date': '20240115T120000Z' },
        ],
      });
      const fields = new Map(signed.fields);
      fields.set('x-amz-security-token', 'TOKEN-1');
      await fails(authenticatePost(makeRequest('bucket'), { ...signed, fields }, deps(NOW_2024 + 60_000)), {
        code: 'AccessDenied',
        status: 403,
        message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$x-amz-security-token", "TOKEN-1"]',
      });
    });

    it('a token sent with a long-term key: InvalidToken, after the signature', async () => {
      const { form } = signedV4Form({ sessionToken: 'STRAY' });
      await fails(authenticatePost(makeRequest('bucket'), form, deps(NOW_2024 + 60_000)), { code: 'InvalidToken', status: 400, fields: [['Token-0', 'STRAY']] });
      const { form: badlySigned } = signedV4Form({ sessionToken: 'STRAY', secret: 'wrong' });
      await fails(authenticatePost(makeRequest('bucket'), badlySigned, deps(NOW_2024 + 60_000)), { code: 'SignatureDoesNotMatch', status: 403 });
    });
  });
});

describe('authenticatePost: conditions and the file', () => {
  const deps = () => makeDeps(NOW_2024);

  it('a condition that fails, printed as AWS prints it', async () => {
    // The fixture's own policy allows any key; this one wants exactly one.
    const { form: strict } = signedV4Form({
      fields: [['key', 'other/k']],
      conditions: [{ bucket: 'bucket' }, ['eq', '$key', 'expected'], { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' }, { 'x-amz-credential': `${AKID}/20240115/us-east-1/s3/aws4_request` }, { 'x-amz-date': '20240115T120000Z' }],
    });
    await fails(authenticatePost(makeRequest('bucket'), strict, deps()), {
      code: 'AccessDenied',
      status: 403,
      message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$key", "expected"]',
    });
  });

  it('the bucket condition is checked against the request bucket', async () => {
    const { form } = signedV4Form({ bucket: 'bucket' });
    await fails(authenticatePost(makeRequest('another'), form, deps()), {
      code: 'AccessDenied',
      status: 403,
      message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "bucket"]',
    });
  });

  it('a field no condition names: Extra input fields', async () => {
    const { form } = signedV4Form({ fields: [['key', 'k'], ['x-amz-meta-foo', 'bar'], ['x-ignore-me', 'fine']] });
    await fails(authenticatePost(makeRequest('bucket'), form, deps()), {
      code: 'AccessDenied',
      status: 403,
      message: 'Invalid according to Policy: Extra input fields: x-amz-meta-foo',
    });
  });

  it('an invalid policy document is 400 InvalidPolicyDocument', async () => {
    const form = makeForm([['key', 'k'], ['AWSAccessKeyId', AKID], ['policy', '%%%'], ['signature', 'x']]);
    await fails(authenticatePost(makeRequest('bucket'), form, deps()), {
      code: 'InvalidPolicyDocument',
      status: 400,
      message: 'Invalid Policy: invalid Base64 encoding.',
    });
  });

  it('content-length-range is enforced on the file stream (the form handed on is the checked one)', async () => {
    const conditions = (min: number, max: number) => [
      { bucket: 'bucket' },
      ['starts-with', '$key', ''],
      ['content-length-range', min, max],
      { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
      { 'x-amz-credential': `${AKID}/20240115/us-east-1/s3/aws4_request` },
      { 'x-amz-date': '20240115T120000Z' },
    ];
    const read = async (min: number, max: number) => {
      const { form } = signedV4Form({ conditions: conditions(min, max), file: { data: '0123456789' } });
      const { upload } = await authenticatePost(makeRequest('bucket'), form, deps());
      const chunks: Buffer[] = [];
      for await (const c of upload.form.file.stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString();
    };
    assert.equal(await read(10, 10), '0123456789');
    await assert.rejects(read(0, 9), (e: unknown) => {
      assert.ok(e instanceof S3Error && e.code === 'EntityTooLarge');
      assert.deepEqual(e.fields, [['ProposedSize', '10'], ['MaxSizeAllowed', '9']]);
      return true;
    });
    await assert.rejects(read(11, 20), (e: unknown) => {
      assert.ok(e instanceof S3Error && e.code === 'EntityTooSmall');
      assert.deepEqual(e.fields, [['ProposedSize', '10'], ['MinSizeAllowed', '11']]);
      return true;
    });
  });

  it('on failure the file stream is destroyed (its rest discarded)', async () => {
    const form = makeForm([['AWSAccessKeyId', AKID]]);
    await assert.rejects(authenticatePost(makeRequest('bucket'), form, deps()));
    assert.equal(form.file.stream.destroyed, true);
  });

  it('the policy as sent is what is signed (a re-encoded policy does not verify)', async () => {
    const { form, policy } = signedV4Form({});
    const fields = new Map(form.fields);
    fields.set('policy', encodePolicy(Buffer.from(policy, 'base64').toString() + ' '));
    await fails(authenticatePost(makeRequest('bucket'), { ...form, fields }, deps()), { code: 'SignatureDoesNotMatch', status: 403 });
  });
});
