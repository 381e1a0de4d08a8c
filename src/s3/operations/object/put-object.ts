/**
 * PutObject — PUT /{bucket}/{key} (../shared/spec/s3-core.md §3): validate the headers, stream
 * the body into a blob while hashing it, verify digests, then commit the row — checking
 * If-Match / If-None-Match in the same transaction. Until the commit, nothing is visible; the
 * replaced object's blobs are removed after it.
 */
import type { ObjectVersion } from '../../../storage/types.ts';
import { checksumHeaderName } from '../../../lib/checksum-algorithm.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { readBodyExpectations, writeObjectBody } from '../../object-body/write-object-body.ts';
import { parseStorageClass, parseStoredHeaders, parseTaggingHeader } from '../../object-headers/stored-headers.ts';
import { parseUserMetadata } from '../../object-headers/user-metadata.ts';
import { parseWriteConditions } from '../../object-headers/write-conditions.ts';
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, keyOf, type Handler } from '../handler-context.ts';
import { objectOwner } from './object-owner.ts';

export const MAX_KEY_BYTES = 1024;

export const putObject: Handler = async (ctx) => {
  const { req, deps, payload } = ctx;
  const bucket = bucketOf(ctx);
  const key = checkKeyLength(keyOf(ctx));

  // Everything the headers can fail on is checked before a byte of the body is read.
  const headers = parseStoredHeaders(req.headers);
  const userMetadata = parseUserMetadata(req.headers);
  const storageClass = parseStorageClass(req.headers);
  const tags = parseTaggingHeader(req.headers);
  const conditions = parseWriteConditions(req.headers);
  const expectations = readBodyExpectations(req.headers, payload);

  // S3 stores a CRC64NVME it computes itself when the client sent no checksum (s3-core.md §9).
  const body = await writeObjectBody(deps.blobs, payload, expectations, expectations.declared ? [] : ['CRC64NVME']);
  const checksum = body.declared ?? { algorithm: 'CRC64NVME' as const, value: body.checksums.get('CRC64NVME')! };

  const version: ObjectVersion = {
    kind: 'object',
    bucket: bucket.name,
    key,
    versionId: 'null',
    isLatest: true,
    lastModified: deps.clock.now(),
    size: body.size,
    etag: body.md5Hex,
    headers,
    userMetadata,
    storageClass,
    checksum: { ...checksum, type: 'FULL_OBJECT' },
    segments: [{ blobId: body.blobId, size: body.size }],
    owner: objectOwner(ctx),
    ...(tags ? { tags } : {}),
  };
  let retired: string[];
  try {
    retired = await deps.metadata.putObject(version, conditions);
  } catch (e) {
    await deps.blobs.delete([body.blobId]);
    throw e;
  }
  await deps.blobs.delete(retired);
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
