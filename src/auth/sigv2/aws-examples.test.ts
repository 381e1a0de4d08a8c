/**
 * Every example of sigv2-and-post.md §1.5 (AWS's RESTAuthentication examples) and §2 (its
 * query-string examples), with AWS's example secret: the exact string to sign, the published
 * signature, and the whole request accepted by authenticate() at the example's time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerStringsToSign } from './header-strings-to-sign.ts';
import { AKID, SECRET, hmacSha1Base64, rejectsWith, runV2, signedOk, v2Request, type V2RequestSpec } from './testing/v2-fixture.ts';

interface Row {
  name: string;
  spec: V2RequestSpec;
  stringToSign: string;
  signature: string;
}

const VHOST = 'awsexamplebucket1.s3.us-west-1.amazonaws.com';

const ROWS: Row[] = [
  {
    name: 'GET object',
    spec: { method: 'GET', target: '/photos/puppy.jpg', virtualHostBucket: 'awsexamplebucket1', headers: { Host: VHOST, Date: 'Tue, 27 Mar 2007 19:36:42 +0000' } },
    stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg',
    signature: 'qgk2+6Sv9/oM7G3qLEjTH1a1l1g=',
  },
  {
    name: 'PUT object',
    spec: {
      method: 'PUT',
      target: '/photos/puppy.jpg',
      virtualHostBucket: 'awsexamplebucket1',
      headers: { 'Content-Type': 'image/jpeg', 'Content-Length': '94328', Host: VHOST, Date: 'Tue, 27 Mar 2007 21:15:45 +0000' },
    },
    stringToSign: 'PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/awsexamplebucket1/photos/puppy.jpg',
    signature: 'iqRzw+ileNPu1fhspnRs8nOjjIA=',
  },
  {
    name: 'List',
    spec: {
      method: 'GET',
      target: '/?prefix=photos&max-keys=50&marker=puppy',
      virtualHostBucket: 'awsexamplebucket1',
      headers: { 'User-Agent': 'Mozilla/5.0', Host: VHOST, Date: 'Tue, 27 Mar 2007 19:42:41 +0000' },
    },
    stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/awsexamplebucket1/',
    signature: 'm0WP8eCtspQl5Ahe6L1SozdX9YA=',
  },
  {
    name: 'Get ACL',
    spec: { method: 'GET', target: '/?acl', virtualHostBucket: 'awsexamplebucket1', headers: { Host: VHOST, Date: 'Tue, 27 Mar 2007 19:44:46 +0000' } },
    stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/awsexamplebucket1/?acl',
    signature: '82ZHiFIjc+WbcwFKGUVEQspPn+0=',
  },
  {
    name: 'ListBuckets',
    spec: { method: 'GET', target: '/', headers: { Host: 's3.us-west-1.amazonaws.com', Date: 'Wed, 28 Mar 2007 01:29:59 +0000' } },
    stringToSign: 'GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/',
    signature: 'qGdzdERIC03wnaRNKh6OqZehG9s=',
  },
  {
    name: 'Unicode key',
    spec: {
      method: 'GET',
      target: '/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
      headers: { Host: 's3.us-west-1.amazonaws.com', Date: 'Wed, 28 Mar 2007 01:49:49 +0000' },
    },
    stringToSign: 'GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
    signature: 'DNEZGsoieTZ92F3bUfSPQcbGmlM=',
  },
  {
    // AWS prints dKZcB+bz2EPXgSdXZp9ozGeOM4I=, which does not reproduce with the example secret (§1.5).
    name: 'Upload with metadata (CNAME host)',
    spec: {
      method: 'PUT',
      target: '/db-backup.dat.gz',
      virtualHostBucket: 'static.example.com',
      headers: [
        ['User-Agent', 'curl/7.15.5'],
        ['Host', 'static.example.com:8080'],
        ['Date', 'Tue, 27 Mar 2007 21:06:08 +0000'],
        ['x-amz-acl', 'public-read'],
        ['content-type', 'application/x-download'],
        ['Content-MD5', '4gJE4saaMU4BqNR0kLY+lw=='],
        ['X-Amz-Meta-ReviewedBy', 'joe@example.com'],
        ['X-Amz-Meta-ReviewedBy', 'jane@example.com'],
        ['X-Amz-Meta-FileChecksum', '0x02661779'],
        ['X-Amz-Meta-ChecksumAlgorithm', 'crc32'],
        ['Content-Disposition', 'attachment; filename=database.dat'],
        ['Content-Encoding', 'gzip'],
        ['Content-Length', '5913339'],
      ],
    },
    stringToSign:
      'PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n' +
      'x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\n' +
      'x-amz-meta-reviewedby:joe@example.com,jane@example.com\n/static.example.com/db-backup.dat.gz',
    signature: 'jtBQa0Aq+DkULFI8qrpwIjGEx0E=',
  },
];

const timeOf = (spec: V2RequestSpec): number => {
  const headers = Array.isArray(spec.headers) ? spec.headers : Object.entries(spec.headers ?? {});
  return Date.parse(headers.find(([n]) => n.toLowerCase() === 'date')![1]);
};

for (const row of ROWS) {
  test(`§1.5 ${row.name}: string to sign, signature, accepted`, async () => {
    assert.deepEqual(headerStringsToSign(v2Request(row.spec)), [row.stringToSign]);
    assert.equal(hmacSha1Base64(SECRET, row.stringToSign), row.signature);
    const withAuth = { ...row.spec, headers: [...(Array.isArray(row.spec.headers) ? row.spec.headers : Object.entries(row.spec.headers ?? {})), ['Authorization', `AWS ${AKID}:${row.signature}`] as const] };
    const auth = await signedOk(runV2(withAuth, { now: timeOf(row.spec) + 5_000 }));
    assert.equal(auth.scheme, 'v2-header');
    assert.equal(auth.signatureVersion, 'AWS');
    assert.equal(auth.signedAt, timeOf(row.spec));
  });
}

test('§1.5 Delete (x-amz-date): AWS’s printed string is the Date-line variant, accepted beside the documented form', async () => {
  const spec: V2RequestSpec = {
    method: 'DELETE',
    target: '/photos/puppy.jpg',
    virtualHostBucket: 'awsexamplebucket1',
    headers: [
      ['User-Agent', 'dotnet'],
      ['Host', 's3.us-west-1.amazonaws.com'],
      ['Date', 'Tue, 27 Mar 2007 21:20:27 +0000'],
      ['x-amz-date', 'Tue, 27 Mar 2007 21:20:26 +0000'],
    ],
  };
  const printed = 'DELETE\n\n\nTue, 27 Mar 2007 21:20:26 +0000\n/awsexamplebucket1/photos/puppy.jpg';
  const documented = 'DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/awsexamplebucket1/photos/puppy.jpg';
  const minio = 'DELETE\n\n\nTue, 27 Mar 2007 21:20:27 +0000\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/awsexamplebucket1/photos/puppy.jpg';
  assert.deepEqual(headerStringsToSign(v2Request(spec)), [documented, printed, minio]);
  assert.equal(hmacSha1Base64(SECRET, printed), 'XbyTlbQdu9Xw5o8P4iMwPktxQd8=');
  const now = Date.UTC(2007, 2, 27, 21, 20, 30);
  const headers = spec.headers as Array<readonly [string, string]>;
  for (const signed of [printed, documented, minio]) {
    const auth = await signedOk(runV2({ ...spec, headers: [...headers, ['Authorization', `AWS ${AKID}:${hmacSha1Base64(SECRET, signed)}`]] }, { now }));
    // x-amz-date is the request time, not Date.
    assert.equal(auth.signedAt, Date.UTC(2007, 2, 27, 21, 20, 26));
  }
});

test('§2 query examples: Expires on the Date line; the spec’s recomputed signatures pass, AWS’s printed ones do not reproduce', async () => {
  const cases = [
    { expires: '1141889120', computed: 'mi+pm7K7iCx46UlaDc8X8pxyzFc=', printed: 'vjbyPxybdZaNmGa+yT272YEAiv4=' },
    { expires: '1175139620', computed: '1No4mq5ETf02z8aet9voy6gui6E=', printed: 'NpgCjnDzrM+WFzoENXmpNDUsSn8=' },
  ];
  for (const { expires, computed, printed } of cases) {
    const stringToSign = `GET\n\n\n${expires}\n/awsexamplebucket1/photos/puppy.jpg`;
    assert.equal(hmacSha1Base64(SECRET, stringToSign), computed);
    const url = (sig: string) => `/photos/puppy.jpg?AWSAccessKeyId=${AKID}&Expires=${expires}&Signature=${encodeURIComponent(sig)}`;
    const now = Number(expires) * 1000 - 60_000;
    const spec = (sig: string): V2RequestSpec => ({ target: url(sig), virtualHostBucket: 'awsexamplebucket1', headers: { Host: VHOST } });
    const auth = await signedOk(runV2(spec(computed), { now }));
    assert.equal(auth.scheme, 'v2-query');
    assert.equal(auth.signatureVersion, 'AWS');
    assert.equal(auth.signedAt, now, 'signature age 0');
    const e = await rejectsWith(runV2(spec(printed), { now }), {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      fields: [
        ['AWSAccessKeyId', AKID],
        ['StringToSign', stringToSign],
        ['SignatureProvided', printed],
        ['StringToSignBytes', [...Buffer.from(stringToSign)].map((b) => b.toString(16).padStart(2, '0')).join(' ')],
      ],
    });
    assert.equal(e.fields.length, 4);
  }
});
