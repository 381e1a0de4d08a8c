/**
 * CreateMultipartUpload — POST /{bucket}/{key}?uploads (../shared/spec/s3-core.md §7.1, §9):
 * the object's headers are fixed now; the checksum algorithm and type chosen here bind every
 * part and the completion.
 */
import { parseChecksumAlgorithm, type ChecksumAlgorithm } from '../../../lib/checksum-algorithm.ts';
import { invalidRequest } from '../../errors/s3-error.ts';
import { parseStorageClass, parseStoredHeaders, parseTaggingHeader } from '../../object-headers/stored-headers.ts';
import { parseUserMetadata } from '../../object-headers/user-metadata.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, keyOf, type Handler } from '../handler-context.ts';
import { objectRequestAcl } from '../acl/object-request-acl.ts';
import { checkKeyLength } from '../object/put-object.ts';

export const createMultipartUpload: Handler = async (ctx) => {
  const { req, deps, auth } = ctx;
  const bucket = bucketOf(ctx);
  const key = checkKeyLength(keyOf(ctx));
  const { algorithm, type } = checksumSettings(req.headers.get('x-amz-checksum-algorithm'), req.headers.get('x-amz-checksum-type'));
  const tags = parseTaggingHeader(req.headers);
  const acl = await objectRequestAcl(ctx);
  const initiator =
    auth.kind === 'signed'
      ? auth.principal.type === 'Account'
        ? { id: auth.principal.account.canonicalId, displayName: auth.principal.account.displayName }
        : { id: auth.principal.arn, displayName: auth.principal.arn.slice(auth.principal.arn.lastIndexOf('/') + 1) }
      : { id: 'anonymous', displayName: 'anonymous' };
  const uploadId = deps.ids.uploadId();
  await deps.metadata.createMultipartUpload({
    bucket: bucket.name,
    key,
    uploadId,
    initiated: deps.clock.now(),
    owner: acl.owner,
    acl: acl.acl,
    initiator,
    headers: parseStoredHeaders(req.headers),
    userMetadata: parseUserMetadata(req.headers),
    storageClass: parseStorageClass(req.headers),
    ...(algorithm ? { checksumAlgorithm: algorithm, checksumType: type } : {}),
    ...(tags ? { tags } : {}),
  });
  const headers: Record<string, string> = {};
  if (algorithm) {
    headers['x-amz-checksum-algorithm'] = algorithm;
    headers['x-amz-checksum-type'] = type!;
  }
  return xmlResponse(
    s3Document('InitiateMultipartUploadResult', el('Bucket', bucket.name) + el('Key', key) + el('UploadId', uploadId)),
    200,
    headers,
  );
};

function checksumSettings(
  algorithmHeader: string | undefined,
  typeHeader: string | undefined,
): { algorithm: ChecksumAlgorithm | undefined; type: 'FULL_OBJECT' | 'COMPOSITE' | undefined } {
  if (algorithmHeader === undefined) {
    if (typeHeader !== undefined) {
      throw invalidRequest('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.');
    }
    return { algorithm: undefined, type: undefined };
  }
  const algorithm = parseChecksumAlgorithm(algorithmHeader);
  if (algorithm === undefined) {
    throw invalidRequest(
      'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]',
    );
  }
  const type = typeHeader?.toUpperCase() ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE');
  if (type !== 'FULL_OBJECT' && type !== 'COMPOSITE') {
    throw invalidRequest(`Value for x-amz-checksum-type header is invalid.`);
  }
  if (type === 'COMPOSITE' && algorithm === 'CRC64NVME') {
    throw invalidRequest('The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.');
  }
  if (type === 'FULL_OBJECT' && (algorithm === 'SHA1' || algorithm === 'SHA256')) {
    throw invalidRequest(`The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
  }
  return { algorithm, type };
}
