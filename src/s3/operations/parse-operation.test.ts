/**
 * Routing table tests, written from ../shared/spec/s3-core.md §1.3 and the AWS API reference's
 * request syntax for each operation (method, target, sub-resource).
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { QueryParams, RequestHeaders, type S3Request } from '../s3-request.ts';
import { parseOperation } from './parse-operation.ts';

/** `path` is `/`, `/bucket` or `/bucket/key`; `query` is `a=1&b` (no decoding needed here). */
function request(method: string, path: string, query = '', headers: Record<string, string> = {}): S3Request {
  const [, bucket, ...rest] = path.split('/');
  const pairs = query === '' ? [] : query.split('&').map((p): [string, string] => {
    const eq = p.indexOf('=');
    return eq === -1 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
  });
  return {
    id: 'REQ', hostId: 'HOST', method, rawPath: path, rawQuery: query,
    query: new QueryParams(pairs), headers: RequestHeaders.fromObject(headers),
    hostname: 's3.us-east-1.amazonaws.com', bucket: bucket || undefined, key: rest.length ? rest.join('/') : undefined,
    addressing: 'path', remoteAddress: '127.0.0.1', secure: false, tlsVersion: undefined,
    body: Readable.from([]), receivedAt: 0,
  };
}

function route(method: string, path: string, query = '', headers: Record<string, string> = {}): string {
  return parseOperation(request(method, path, query, headers));
}

function thrown(fn: () => unknown): S3Error {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof S3Error, `expected an S3Error, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an S3Error');
}

function methodNotAllowed(method: string, resourceType: string) {
  return {
    status: 405, code: 'MethodNotAllowed', message: 'The specified method is not allowed against this resource.',
    fields: [['Method', method], ['ResourceType', resourceType]],
  };
}
const summary = (e: S3Error) => ({ status: e.status, code: e.code, message: e.message, fields: e.fields });
const COPY = { 'x-amz-copy-source': '/src/key' };

describe('parseOperation: s3-core.md §1.3 dispatch table', () => {
  const rows: Array<[method: string, path: string, query: string, headers: Record<string, string>, op: string]> = [
    ['GET', '/', '', {}, 'ListBuckets'],
    ['PUT', '/b', '', {}, 'CreateBucket'],
    ['HEAD', '/b', '', {}, 'HeadBucket'],
    ['DELETE', '/b', '', {}, 'DeleteBucket'],
    ['GET', '/b', 'location', {}, 'GetBucketLocation'],
    ['GET', '/b', '', {}, 'ListObjects'],
    ['GET', '/b', 'list-type=2', {}, 'ListObjectsV2'],
    ['GET', '/b', 'list-type=2&prefix=a&continuation-token=x', {}, 'ListObjectsV2'],
    ['GET', '/b', 'list-type=1', {}, 'ListObjects'],
    ['GET', '/b', 'prefix=photos%2F&delimiter=%2F', {}, 'ListObjects'],
    ['GET', '/b', 'versions', {}, 'ListObjectVersions'],
    ['GET', '/b', 'uploads', {}, 'ListMultipartUploads'],
    ['POST', '/b', 'delete', {}, 'DeleteObjects'],
    ['PUT', '/b', 'cors', {}, 'PutBucketCors'],
    ['GET', '/b', 'cors', {}, 'GetBucketCors'],
    ['DELETE', '/b', 'cors', {}, 'DeleteBucketCors'],
    ['OPTIONS', '/b', '', { origin: 'https://example.com' }, 'PreflightRequest'],
    ['OPTIONS', '/b/k', '', { origin: 'https://example.com', 'access-control-request-method': 'PUT' }, 'PreflightRequest'],
    ['OPTIONS', '/b/k', 'uploadId=u', { origin: 'https://example.com' }, 'PreflightRequest'],
    ['PUT', '/b/k', '', {}, 'PutObject'],
    ['PUT', '/b/k', '', COPY, 'CopyObject'],
    ['PUT', '/b/k', 'partNumber=1&uploadId=u', {}, 'UploadPart'],
    ['PUT', '/b/k', 'partNumber=1&uploadId=u', COPY, 'UploadPartCopy'],
    ['GET', '/b/k', '', {}, 'GetObject'],
    ['GET', '/b/k', 'partNumber=2', {}, 'GetObject'],
    ['GET', '/b/k', 'versionId=v1', {}, 'GetObject'],
    ['HEAD', '/b/k', '', {}, 'HeadObject'],
    ['GET', '/b/k', 'uploadId=u', {}, 'ListParts'],
    ['DELETE', '/b/k', '', {}, 'DeleteObject'],
    ['DELETE', '/b/k', 'versionId=v1', {}, 'DeleteObject'],
    ['DELETE', '/b/k', 'uploadId=u', {}, 'AbortMultipartUpload'],
    ['POST', '/b/k', 'uploads', {}, 'CreateMultipartUpload'],
    ['POST', '/b/k', 'uploadId=u', {}, 'CompleteMultipartUpload'],
    ['POST', '/b', '', { 'content-type': 'multipart/form-data; boundary=x' }, 'PostObject'],
    // Keys that look like sub-resources or contain slashes are still keys.
    ['GET', '/b/a/b/', '', {}, 'GetObject'],
    ['PUT', '/b/uploads', '', {}, 'PutObject'],
    // Sub-resource names are case-sensitive (§1.2): `?Uploads` is an ordinary parameter.
    ['GET', '/b', 'Uploads', {}, 'ListObjects'],
    ['GET', '/b', 'CORS', {}, 'ListObjects'],
  ];
  for (const [method, path, query, headers, op] of rows) {
    it(`${method} ${path}${query ? '?' + query : ''}${'x-amz-copy-source' in headers ? ' + x-amz-copy-source' : ''} → ${op}`, () => {
      assert.equal(route(method, path, query, headers), op);
    });
  }
});

// [sub-resource, GET, PUT, POST, DELETE]; HEAD on a bucket is always HeadBucket.
const BUCKET_SUBRESOURCES: Array<[string, string?, string?, string?, string?]> = [
  ['location', 'GetBucketLocation'],
  ['versioning', 'GetBucketVersioning', 'PutBucketVersioning'],
  ['acl', 'GetBucketAcl', 'PutBucketAcl'],
  ['policyStatus', 'GetBucketPolicyStatus'],
  ['policy', 'GetBucketPolicy', 'PutBucketPolicy', undefined, 'DeleteBucketPolicy'],
  ['cors', 'GetBucketCors', 'PutBucketCors', undefined, 'DeleteBucketCors'],
  ['ownershipControls', 'GetBucketOwnershipControls', 'PutBucketOwnershipControls', undefined, 'DeleteBucketOwnershipControls'],
  ['publicAccessBlock', 'GetPublicAccessBlock', 'PutPublicAccessBlock', undefined, 'DeletePublicAccessBlock'],
  ['tagging', 'GetBucketTagging', 'PutBucketTagging', undefined, 'DeleteBucketTagging'],
  ['lifecycle', 'GetBucketLifecycleConfiguration', 'PutBucketLifecycleConfiguration', undefined, 'DeleteBucketLifecycle'],
  ['encryption', 'GetBucketEncryption', 'PutBucketEncryption', undefined, 'DeleteBucketEncryption'],
  ['website', 'GetBucketWebsite', 'PutBucketWebsite', undefined, 'DeleteBucketWebsite'],
  ['logging', 'GetBucketLogging', 'PutBucketLogging'],
  ['notification', 'GetBucketNotificationConfiguration', 'PutBucketNotificationConfiguration'],
  ['replication', 'GetBucketReplication', 'PutBucketReplication', undefined, 'DeleteBucketReplication'],
  ['requestPayment', 'GetBucketRequestPayment', 'PutBucketRequestPayment'],
  ['accelerate', 'GetBucketAccelerateConfiguration', 'PutBucketAccelerateConfiguration'],
  ['object-lock', 'GetObjectLockConfiguration', 'PutObjectLockConfiguration'],
  ['uploads', 'ListMultipartUploads'],
  ['versions', 'ListObjectVersions'],
  ['delete', undefined, undefined, 'DeleteObjects'],
];

const METHODS = ['GET', 'PUT', 'POST', 'DELETE'] as const;

describe('parseOperation: every bucket sub-resource, every method', () => {
  for (const [name, ...ops] of BUCKET_SUBRESOURCES) {
    it(`/b?${name}`, () => {
      METHODS.forEach((method, i) => {
        const op = ops[i];
        if (op !== undefined) assert.equal(route(method, '/b', name), op, `${method} ?${name}`);
        else assert.deepEqual(summary(thrown(() => route(method, '/b', name))), methodNotAllowed(method, 'BUCKET'), `${method} ?${name}`);
      });
      assert.equal(route('HEAD', '/b', name), 'HeadBucket');
      assert.equal(route('HEAD', '/b', `${name}=`), 'HeadBucket');
      assert.deepEqual(summary(thrown(() => route('PATCH', '/b', name))), methodNotAllowed('PATCH', 'BUCKET'));
      assert.equal(route('OPTIONS', '/b', name, { origin: 'https://a.example' }), 'PreflightRequest');
    });
  }

  it('a sub-resource wins over list-type=2 and over plain listing parameters', () => {
    assert.equal(route('GET', '/b', 'list-type=2&versions'), 'ListObjectVersions');
    assert.equal(route('GET', '/b', 'prefix=a&uploads='), 'ListMultipartUploads');
    assert.equal(route('GET', '/b', 'policyStatus'), 'GetBucketPolicyStatus');
  });

  it('a bucket without a sub-resource refuses other methods with ResourceType BUCKET', () => {
    for (const method of ['PATCH', 'TRACE', 'CONNECT']) {
      assert.deepEqual(summary(thrown(() => route(method, '/b'))), methodNotAllowed(method, 'BUCKET'));
    }
  });
});

// [sub-resource, GET, PUT, POST, DELETE]; HEAD on an object is always HeadObject.
const OBJECT_SUBRESOURCES: Array<[string, string?, string?, string?, string?]> = [
  ['acl', 'GetObjectAcl', 'PutObjectAcl'],
  ['tagging', 'GetObjectTagging', 'PutObjectTagging', undefined, 'DeleteObjectTagging'],
  ['attributes', 'GetObjectAttributes'],
  ['retention', 'GetObjectRetention', 'PutObjectRetention'],
  ['legal-hold', 'GetObjectLegalHold', 'PutObjectLegalHold'],
  ['restore', undefined, undefined, 'RestoreObject'],
  ['select', undefined, undefined, 'SelectObjectContent'],
];

describe('parseOperation: every object sub-resource, every method', () => {
  for (const [name, ...ops] of OBJECT_SUBRESOURCES) {
    it(`/b/k?${name}`, () => {
      METHODS.forEach((method, i) => {
        const op = ops[i];
        if (op !== undefined) assert.equal(route(method, '/b/k', name), op, `${method} ?${name}`);
        else assert.deepEqual(summary(thrown(() => route(method, '/b/k', name))), methodNotAllowed(method, 'OBJECT'), `${method} ?${name}`);
      });
      assert.equal(route('HEAD', '/b/k', name), 'HeadObject');
      assert.deepEqual(summary(thrown(() => route('PATCH', '/b/k', name))), methodNotAllowed('PATCH', 'OBJECT'));
    });
  }

  it('?uploads on a key: POST creates an upload, HEAD is HeadObject, PUT and DELETE are 405', () => {
    assert.equal(route('POST', '/b/k', 'uploads='), 'CreateMultipartUpload');
    assert.equal(route('HEAD', '/b/k', 'uploads'), 'HeadObject');
    assert.deepEqual(summary(thrown(() => route('PUT', '/b/k', 'uploads'))), methodNotAllowed('PUT', 'OBJECT'));
    assert.deepEqual(summary(thrown(() => route('DELETE', '/b/k', 'uploads'))), methodNotAllowed('DELETE', 'OBJECT'));
  });

  it('?uploadId on a key, every method; the copy-source header only matters for PUT', () => {
    const q = 'uploadId=VXBsb2Fk&partNumber=3';
    assert.equal(route('GET', '/b/k', q), 'ListParts');
    assert.equal(route('PUT', '/b/k', q), 'UploadPart');
    assert.equal(route('PUT', '/b/k', q, COPY), 'UploadPartCopy');
    assert.equal(route('POST', '/b/k', q, COPY), 'CompleteMultipartUpload');
    assert.equal(route('DELETE', '/b/k', q, COPY), 'AbortMultipartUpload');
    assert.equal(route('HEAD', '/b/k', q), 'HeadObject');
    assert.equal(route('GET', '/b/k', q, COPY), 'ListParts');
    assert.deepEqual(summary(thrown(() => route('PATCH', '/b/k', q))), methodNotAllowed('PATCH', 'OBJECT'));
  });

  it('x-amz-copy-source switches PutObject to CopyObject, whatever its value', () => {
    assert.equal(route('PUT', '/b/k', '', { 'X-Amz-Copy-Source': 'src/key?versionId=v' }), 'CopyObject');
    assert.equal(route('PUT', '/b/k', '', { 'x-amz-copy-source': '' }), 'CopyObject');
    assert.equal(route('GET', '/b/k', '', COPY), 'GetObject');
    assert.equal(route('PUT', '/b/k', 'tagging', COPY), 'PutObjectTagging');
  });

  it('an object without a sub-resource refuses POST and unknown methods with ResourceType OBJECT', () => {
    for (const method of ['POST', 'PATCH', 'TRACE']) {
      assert.deepEqual(summary(thrown(() => route(method, '/b/k'))), methodNotAllowed(method, 'OBJECT'));
    }
  });
});

describe('parseOperation: sub-resources a key cannot have (§1.3)', () => {
  it('GET /b/key?uploads → 400 InvalidRequest', () => {
    for (const query of ['uploads', 'uploads=', 'uploads&prefix=a']) {
      assert.deepEqual(summary(thrown(() => route('GET', '/b/key', query))), {
        status: 400, code: 'InvalidRequest', message: 'Key is not expected for the GET method ?uploads subresource', fields: [],
      });
    }
  });

  it('GET /b/key?versions → 400 InvalidRequest', () => {
    for (const query of ['versions', 'versions=', 'versions&versionId=v']) {
      assert.deepEqual(summary(thrown(() => route('GET', '/b/key', query))), {
        status: 400, code: 'InvalidRequest', message: 'There is no such thing as the ?versions sub-resource for a key', fields: [],
      });
    }
  });
});

describe('parseOperation: the service (no bucket)', () => {
  it('GET / lists buckets, with or without ListBuckets parameters', () => {
    assert.equal(route('GET', '/'), 'ListBuckets');
    assert.equal(route('GET', '/', 'max-buckets=10&prefix=b&bucket-region=eu-west-1'), 'ListBuckets');
  });

  it('POST / → 405 with Method POST and ResourceType SERVICE, as seen on AWS', () => {
    assert.deepEqual(summary(thrown(() => route('POST', '/'))), methodNotAllowed('POST', 'SERVICE'));
  });

  it('every other method on / → 405 ResourceType SERVICE', () => {
    for (const method of ['PUT', 'DELETE', 'HEAD', 'PATCH']) {
      assert.deepEqual(summary(thrown(() => route(method, '/'))), methodNotAllowed(method, 'SERVICE'));
    }
  });
});
