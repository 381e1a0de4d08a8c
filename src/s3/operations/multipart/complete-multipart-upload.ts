/**
 * CompleteMultipartUpload — POST /{bucket}/{key}?uploadId=ID (../shared/spec/s3-core.md §7.4, §9):
 * check the listed parts (order, existence, ETags, sizes, checksums), then in one transaction make
 * the object visible and drop the upload. The object's bytes are its parts' blobs, in order: no
 * data is copied. ETag = MD5 of the parts' binary MD5s + "-N".
 */
import { createHash } from 'node:crypto';
import type { ObjectVersion, UploadedPart } from '../../../storage/types.ts';
import { compositeChecksum } from '../../../lib/checksums/composite-checksum.ts';
import { fullObjectChecksum } from '../../../lib/checksums/full-object-checksum.ts';
import { checksumHeaderName, type ChecksumAlgorithm } from '../../../lib/checksum-algorithm.ts';
import { S3Error, invalidRequest, malformedXml } from '../../errors/s3-error.ts';
import { parseWriteConditions } from '../../object-headers/write-conditions.ts';
import { xmlResponse } from '../../s3-response.ts';
import { childrenOf, parseXmlDocument, textOf } from '../../xml/parse-xml.ts';
import { el, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, keyOf, type Handler } from '../handler-context.ts';
import { findUpload } from './find-upload.ts';
import { isStoredAcl } from '../../../authz/acl/is-stored-acl.ts';
import { objectUrl } from './object-url.ts';

/** Every part but the last must be at least 5 MiB. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

interface RequestedPart {
  partNumber: number;
  etag: string;
  checksum: string | undefined;
}

export const completeMultipartUpload: Handler = async (ctx) => {
  const { req, deps } = ctx;
  const bucket = bucketOf(ctx);
  const key = keyOf(ctx);
  const conditions = parseWriteConditions(req.headers);
  const upload = await findUpload(ctx);
  const requested = parseParts(ctx.xml ?? Buffer.alloc(0), upload.checksumAlgorithm);
  const uploadId = upload.uploadId;

  const typeHeader = req.headers.get('x-amz-checksum-type');
  if (typeHeader !== undefined && typeHeader.toUpperCase() !== (upload.checksumType ?? 'null')) {
    throw invalidRequest(
      `The upload was created using the ${upload.checksumType ?? 'null'} checksum mode. The complete request must use the same checksum mode.`,
    );
  }

  const stored = new Map<number, UploadedPart>();
  for (const p of await deps.metadata.listParts(uploadId, 0, 10000)) stored.set(p.partNumber, p);
  const used: UploadedPart[] = [];
  // The list as a whole first: strictly ascending part numbers (duplicates included).
  for (let i = 1; i < requested.length; i++) {
    if (requested[i]!.partNumber <= requested[i - 1]!.partNumber) {
      throw new S3Error('InvalidPartOrder', { fields: [['UploadId', uploadId]] });
    }
  }
  for (const [i, r] of requested.entries()) {
    if (upload.checksumType === 'COMPOSITE' && r.checksum === undefined) {
      throw invalidRequest(
        `The upload was created using a ${upload.checksumAlgorithm!.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${r.partNumber} in the request.`,
      );
    }
    const part = stored.get(r.partNumber);
    if (part === undefined || part.etag !== r.etag || (r.checksum !== undefined && part.checksum !== r.checksum)) {
      throw new S3Error('InvalidPart', {
        fields: [
          ['UploadId', uploadId],
          ['PartNumber', String(r.partNumber)],
          ['ETag', r.etag],
        ],
      });
    }
    if (i < requested.length - 1 && part.size < MIN_PART_SIZE) {
      throw new S3Error('EntityTooSmall', {
        fields: [
          ['ProposedSize', String(part.size)],
          ['MinSizeAllowed', String(MIN_PART_SIZE)],
          ['PartNumber', String(part.partNumber)],
          ['ETag', part.etag],
        ],
      });
    }
    used.push(part);
  }

  const size = used.reduce((sum, p) => sum + p.size, 0);
  const declaredSize = req.headers.get('x-amz-mp-object-size');
  if (declaredSize !== undefined && Number(declaredSize) !== size) {
    throw invalidRequest(`The provided 'x-amz-mp-object-size' header value ${declaredSize} does not match what was computed: ${size}`);
  }

  const md5s = createHash('md5');
  for (const p of used) md5s.update(Buffer.from(p.etag, 'hex'));
  const etag = `${md5s.digest('hex')}-${used.length}`;
  const algorithm: ChecksumAlgorithm = upload.checksumAlgorithm ?? 'CRC64NVME';
  const type = upload.checksumType ?? 'FULL_OBJECT';
  const partChecksums = used.map((p) => p.checksum ?? '');
  const value =
    type === 'COMPOSITE'
      ? compositeChecksum(algorithm, partChecksums)
      : fullObjectChecksum(algorithm as 'CRC32' | 'CRC32C' | 'CRC64NVME', used.map((p) => ({ checksum: p.checksum ?? '', size: p.size })));

  const object: ObjectVersion = {
    kind: 'object',
    bucket: bucket.name,
    key,
    versionId: 'null',
    isLatest: true,
    lastModified: deps.clock.now(),
    size,
    etag,
    headers: upload.headers,
    userMetadata: upload.userMetadata,
    storageClass: upload.storageClass,
    checksum: { algorithm, type, value },
    parts: used.map((p) => ({ size: p.size, ...(p.checksum !== undefined ? { checksum: p.checksum } : {}) })),
    segments: used.map((p) => ({ blobId: p.blobId, size: p.size })),
    owner: upload.owner,
    ...(isStoredAcl(upload.acl) ? { acl: upload.acl } : {}),
    ...(upload.tags ? { tags: upload.tags } : {}),
  };
  const retired = await deps.metadata.completeMultipartUpload(uploadId, object, conditions);
  await deps.blobs.delete(retired);

  return xmlResponse(
    s3Document(
      'CompleteMultipartUploadResult',
      el('Location', objectUrl(req, bucket.name, key)) +
        el('Bucket', bucket.name) +
        el('Key', key) +
        el('ETag', `"${etag}"`) +
        el(`Checksum${algorithm}`, value) +
        el('ChecksumType', type),
    ),
    200,
    { [checksumHeaderName(algorithm)]: value, 'x-amz-checksum-type': type },
  );
};

function parseParts(xml: Buffer, algorithm: ChecksumAlgorithm | undefined): RequestedPart[] {
  const doc = parseXmlDocument(xml, 'CompleteMultipartUpload', ['Part']);
  const parts = childrenOf(doc, 'Part');
  if (parts.length === 0) throw invalidRequest('You must specify at least one part');
  return parts.map((p) => {
    const numberText = textOf(p, 'PartNumber')?.trim();
    const etagText = textOf(p, 'ETag')?.trim();
    if (numberText === undefined || !/^\d+$/.test(numberText) || etagText === undefined) throw malformedXml();
    const checksum = algorithm === undefined ? undefined : textOf(p, `Checksum${algorithm}`)?.trim();
    return { partNumber: Number(numberText), etag: unquote(etagText), checksum };
  });
}

function unquote(etag: string): string {
  return etag.length >= 2 && etag.startsWith('"') && etag.endsWith('"') ? etag.slice(1, -1) : etag;
}
