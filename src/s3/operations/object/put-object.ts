/**
 * PutObject — PUT /{bucket}/{key} (../shared/spec/s3-core.md §3): validate the headers, stream
 * the body into a blob while hashing it, verify digests, then commit the row — checking
 * If-Match / If-None-Match in the same transaction. Until the commit, nothing is visible; the
 * replaced object's blobs are removed after it.
 */
import { checksumHeaderName } from '../../../lib/checksum-algorithm.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { readBodyExpectations } from '../../object-body/write-object-body.ts';
import { parseObjectAttributes } from '../../object-headers/object-attributes.ts';
import { parseWriteConditions } from '../../object-headers/write-conditions.ts';
import { emptyResponse } from '../../s3-response.ts';
import { keyOf, type Handler } from '../handler-context.ts';
import { storeObject } from './store-object.ts';
import { objectRequestAcl } from '../acl/object-request-acl.ts';

export const MAX_KEY_BYTES = 1024;

export const putObject: Handler = async (ctx) => {
  const { req, payload } = ctx;
  const key = checkKeyLength(keyOf(ctx));

  // Everything the headers can fail on is checked before a byte of the body is read.
  const attributes = parseObjectAttributes(req.headers);
  const conditions = parseWriteConditions(req.headers);
  const expectations = readBodyExpectations(req.headers, payload);
  const acl = await objectRequestAcl(ctx);

  const { version, checksum } = await storeObject(ctx, { key, attributes, expectations, conditions, acl });
  return emptyResponse(200, {
    etag: `"${version.etag}"`,
    [checksumHeaderName(checksum.algorithm)]: checksum.value,
    'x-amz-checksum-type': 'FULL_OBJECT',
  });
};

export function checkKeyLength(key: string): string {
  const size = Buffer.byteLength(key);
  if (size > MAX_KEY_BYTES) {
    throw new S3Error('KeyTooLongError', {
      fields: [
        ['Size', String(size)],
        ['MaxSizeAllowed', String(MAX_KEY_BYTES)],
      ],
    });
  }
  return key;
}
