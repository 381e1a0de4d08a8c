import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalResource, subResources } from './canonical-resource.ts';

const vhost = (rawPath: string, rawQuery = '', bucket = 'awsexamplebucket1') =>
  canonicalResource({ rawPath, rawQuery, bucket, addressing: 'virtual-host' });
const path = (rawPath: string, rawQuery = '') =>
  canonicalResource({ rawPath, rawQuery, bucket: rawPath.split('/')[1] || undefined, addressing: 'path' });

test('virtual-hosted style puts the bucket from the Host header first; path style gives the same string (§1.4)', () => {
  assert.equal(vhost('/photos/puppy.jpg'), '/awsexamplebucket1/photos/puppy.jpg');
  assert.equal(path('/awsexamplebucket1/photos/puppy.jpg'), '/awsexamplebucket1/photos/puppy.jpg');
});

test('CNAME-style host: the host name is the bucket (AWS upload-with-metadata example)', () => {
  assert.equal(vhost('/db-backup.dat.gz', '', 'static.example.com'), '/static.example.com/db-backup.dat.gz');
});

test('service and bucket root: `/` and `/bucket/` (note the trailing slash)', () => {
  assert.equal(path('/'), '/');
  assert.equal(path(''), '/');
  assert.equal(vhost('/'), '/awsexamplebucket1/');
  assert.equal(path('/awsexamplebucket1/'), '/awsexamplebucket1/');
  assert.equal(path('/awsexamplebucket1'), '/awsexamplebucket1/', 'path style without the slash: still /bucket/');
  assert.equal(path('/awsexamplebucket1', 'acl'), '/awsexamplebucket1/?acl');
});

test('the path is taken literally: %XX casing kept, nothing decoded', () => {
  assert.equal(vhost('/fran%C3%A7ais/pr%c3%a9f%c3%a8re', '', 'dictionary'), '/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re');
  assert.equal(path('/b/a+b%2Fc'), '/b/a+b%2Fc');
});

test('only sub-resources are signed: list parameters are ignored (AWS list example)', () => {
  assert.equal(vhost('/', 'prefix=photos&max-keys=50&marker=puppy'), '/awsexamplebucket1/');
  assert.equal(vhost('/', 'acl'), '/awsexamplebucket1/?acl');
  assert.equal(path('/b', 'list-type=2&prefix=a&delimiter=%2F'), '/b/');
});

test('sub-resources sorted by name, `?name` without a value, `name=value` decoded', () => {
  assert.equal(subResources('versionId=3%2FL4kq&acl'), '?acl&versionId=3/L4kq');
  assert.equal(subResources('uploadId=abc&partNumber=2'), '?partNumber=2&uploadId=abc');
  assert.equal(subResources('uploads'), '?uploads');
  assert.equal(subResources('acl='), '?acl', '`acl=` has no value either');
  assert.equal(subResources('delete&max-keys=3'), '?delete');
  assert.equal(
    subResources('response-content-type=text%2Fplain&response-content-disposition=attachment%3B%20filename%3D%22a%20b%22'),
    '?response-content-disposition=attachment; filename="a b"&response-content-type=text/plain',
  );
  assert.equal(subResources('response-cache-control=no+cache'), '?response-cache-control=no cache', '`+` is a space, as S3 reads queries');
  assert.equal(subResources('tagging&versionId=null'), '?tagging&versionId=null');
  assert.equal(subResources('prefix=a&marker=b'), '');
  assert.equal(subResources(''), '');
});

test('every sub-resource of the spec list is signed; names are case-sensitive', () => {
  for (const name of ['cors', 'lifecycle', 'location', 'logging', 'notification', 'policy', 'requestPayment', 'torrent', 'versioning', 'versions', 'website', 'accelerate', 'analytics', 'encryption', 'inventory', 'legal-hold', 'metrics', 'object-lock', 'replication', 'restore', 'retention', 'select', 'select-type', 'storageClass', 'response-content-language', 'response-expires', 'response-content-encoding']) {
    assert.equal(subResources(name), `?${name}`, name);
  }
  assert.equal(subResources('ACL&Acl'), '');
});

test('a decoded non-ASCII value is signed as its UTF-8 bytes (a byte string like the path)', () => {
  assert.equal(subResources('response-content-disposition=%C3%A9'), '?response-content-disposition=\u00c3\u00a9');
});
