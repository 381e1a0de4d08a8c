/**
 * CopyObject — PUT /{bucket}/{key} with x-amz-copy-source (../shared/spec/s3-core.md §5.3):
 * metadata and tagging directives, the copy-onto-itself rule, copy-source and destination
 * preconditions. The bytes stream from the source blobs into a new blob; nothing is buffered.
 */
import type { ObjectVersion } from '../../../storage/types.ts';
import { parseChecksumAlgorithm, checksumHeaderName, type ChecksumAlgorithm } from '../../../lib/checksum-algorithm.ts';
import { isoMillisZero } from '../../../lib/dates.ts';
import { S3Error, invalidArgument, invalidRequest } from '../../errors/s3-error.ts';
import { readObjectBody } from '../../object-body/read-object-body.ts';
import { MAX_PUT_SIZE, writeObjectBody, storedBody, writtenBlobs } from '../../object-body/write-object-body.ts';
import { parseStorageClass, parseStoredHeaders, parseTaggingHeader } from '../../object-headers/stored-headers.ts';
import { parseUserMetadata } from '../../object-headers/user-metadata.ts';
import { parseWriteConditions } from '../../object-headers/write-conditions.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, keyOf, type Handler } from '../handler-context.ts';
import { findCopySource } from './find-copy-source.ts';
import { objectRequestAcl } from '../acl/object-request-acl.ts';
import { checkKeyLength } from './put-object.ts';

export const copyObject: Handler = async (ctx) => {
  const { req, deps } = ctx;
  const bucket = bucketOf(ctx);
  const key = checkKeyLength(keyOf(ctx));
  const metadataDirective = directive(req.headers.get('x-amz-metadata-directive'), 'metadata');
  const taggingDirective = directive(req.headers.get('x-amz-tagging-directive'), 'tagging');
  const conditions = parseWriteConditions(req.headers);
  const requestedAlgorithm = checksumAlgorithmHeader(req.headers.get('x-amz-checksum-algorithm'));
  // The copy gets the ACL the request sets (private by default), never the source's (AWS CopyObject).
  const acl = await objectRequestAcl(ctx);

  const { source, object } = await findCopySource(ctx);
  if (object.size > MAX_PUT_SIZE) {
    throw invalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_PUT_SIZE}`);
  }
  const storageClassHeader = req.headers.get('x-amz-storage-class');
  if (
    source.bucket === bucket.name &&
    source.key === key &&
    metadataDirective === 'COPY' &&
    storageClassHeader === undefined &&
    !req.headers.has('x-amz-website-redirect-location') &&
    !req.headers.has('x-amz-server-side-encryption')
  ) {
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }

  const replace = metadataDirective === 'REPLACE';
  const algorithm: ChecksumAlgorithm =
    requestedAlgorithm ?? (object.checksum?.type === 'FULL_OBJECT' ? object.checksum.algorithm : 'CRC64NVME');
  const sourceBody = await readObjectBody(deps.blobs, object, undefined);
  const body = await writeObjectBody(
    deps.blobs,
    { body: sourceBody, contentSha256: undefined, length: object.size, trailers: () => new Map() },
    { contentMd5: undefined, declared: undefined },
    [algorithm],
    { inline: true },
  );
  const version: ObjectVersion = {
    kind: 'object',
    bucket: bucket.name,
    key,
    versionId: 'null',
    isLatest: true,
    lastModified: deps.clock.now(),
    size: body.size,
    etag: body.md5Hex,
    headers: replace ? parseStoredHeaders(req.headers) : object.headers,
    userMetadata: replace ? parseUserMetadata(req.headers) : object.userMetadata,
    storageClass: storageClassHeader !== undefined ? parseStorageClass(req.headers) : object.storageClass,
    checksum: { algorithm, type: 'FULL_OBJECT', value: body.checksums.get(algorithm)! },
    ...storedBody(body),
    owner: acl.owner,
    acl: acl.acl,
  };
  const tags = taggingDirective === 'REPLACE' ? parseTaggingHeader(req.headers) : object.tags;
  if (tags !== undefined) version.tags = tags;

  let retired: string[];
  try {
    retired = await deps.metadata.putObject(version, conditions);
  } catch (e) {
    await deps.blobs.delete(writtenBlobs(body));
    throw e;
  }
  await deps.blobs.delete(retired);
  const headers: Record<string, string> = {};
  if (object.versionId !== 'null') headers['x-amz-copy-source-version-id'] = object.versionId;
  headers[checksumHeaderName(algorithm)] = version.checksum!.value;
  return xmlResponse(
    s3Document(
      'CopyObjectResult',
      el('LastModified', isoMillisZero(version.lastModified)) +
        el('ETag', `"${version.etag}"`) +
        el('ChecksumType', 'FULL_OBJECT') +
        el(`Checksum${algorithm}`, version.checksum!.value),
    ),
    200,
    headers,
  );
};

function directive(value: string | undefined, kind: 'metadata' | 'tagging'): 'COPY' | 'REPLACE' {
  if (value === undefined || value === 'COPY') return 'COPY';
  if (value === 'REPLACE') return 'REPLACE';
  throw kind === 'metadata'
    ? invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', value)
    : invalidArgument('Unknown tagging directive.', 'x-amz-tagging-directive', value);
}

function checksumAlgorithmHeader(value: string | undefined): ChecksumAlgorithm | undefined {
  if (value === undefined) return undefined;
  const algorithm = parseChecksumAlgorithm(value);
  if (algorithm === undefined) {
    throw new S3Error('InvalidRequest', {
      message: 'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]',
    });
  }
  return algorithm;
}
