import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseObjectAttributes } from '../object-headers/object-attributes.ts';
import { formObjectHeaders } from './form-object-headers.ts';

it('passes the object attributes on as headers, and nothing else', () => {
  const headers = formObjectHeaders(
    new Map([
      ['key', 'k'],
      ['policy', 'p'],
      ['x-amz-signature', 's'],
      ['acl', 'public-read'],
      ['content-type', 'image/png'],
      ['cache-control', 'max-age=60'],
      ['x-amz-meta-color', 'grün'],
      ['x-amz-storage-class', 'STANDARD_IA'],
      ['x-amz-tagging', 'a=1&b=2'],
      ['x-amz-checksum-crc32', 'AAAAAA=='],
      ['x-amz-trailer', 'x-amz-checksum-crc32'],
      ['success_action_status', '201'],
    ]),
  );
  assert.deepEqual([...headers.names()], ['content-type', 'cache-control', 'x-amz-meta-color', 'x-amz-storage-class', 'x-amz-tagging', 'x-amz-checksum-crc32']);
  const attributes = parseObjectAttributes(headers);
  // UTF-8 survives the trip through the header parsers.
  assert.deepEqual(attributes.userMetadata, [['color', 'grün']]);
  assert.deepEqual(attributes.headers, { contentType: 'image/png', cacheControl: 'max-age=60' });
  assert.equal(attributes.storageClass, 'STANDARD_IA');
  assert.deepEqual(attributes.tags, [['a', '1'], ['b', '2']]);
});
