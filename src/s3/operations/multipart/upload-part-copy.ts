/**
 * UploadPartCopy — UploadPart with x-amz-copy-source (../shared/spec/s3-core.md §7.3): the part's
 * bytes come from another object, whole or `x-amz-copy-source-range: bytes=first-last`.
 */
import type { ObjectVersion } from '../../../storage/types.ts';
import type { ByteRange } from '../../../storage/blob-store.ts';
import { isoMillisZero } from '../../../lib/dates.ts';
import { invalidArgument, invalidRequest } from '../../errors/s3-error.ts';
import { readObjectBody } from '../../object-body/read-object-body.ts';
import { MAX_PUT_SIZE, writeObjectBody, writtenBlobs } from '../../object-body/write-object-body.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, s3Document } from '../../xml/xml-writer.ts';
import type { Handler } from '../handler-context.ts';
import { findCopySource } from '../object/find-copy-source.ts';
import { findUpload } from './find-upload.ts';
import { parsePartNumber } from './part-number.ts';

const RANGE = /^bytes=(\d+)-(\d+)$/;

export const uploadPartCopy: Handler = async (ctx) => {
  const { req, deps } = ctx;
  const partNumber = parsePartNumber(req.query.get('partNumber'));
  const upload = await findUpload(ctx);
  const { object } = await findCopySource(ctx);
  const range = copyRange(req.headers.get('x-amz-copy-source-range'), object);
  const size = range === undefined ? object.size : range.end - range.start + 1;
  if (size > MAX_PUT_SIZE) {
    throw invalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_PUT_SIZE}`);
  }

  const partAlgorithm = upload.checksumAlgorithm ?? 'CRC64NVME';
  const source = await readObjectBody(deps.blobs, object, range);
  const body = await writeObjectBody(
    deps.blobs,
    { body: source, contentSha256: undefined, length: size, trailers: () => new Map() },
    { contentMd5: undefined, declared: undefined },
    [partAlgorithm],
  );
  const lastModified = deps.clock.now();
  let retired: string[];
  try {
    retired = await deps.metadata.putPart({
      uploadId: upload.uploadId,
      partNumber,
      lastModified,
      size: body.size,
      etag: body.md5Hex,
      checksum: body.checksums.get(partAlgorithm),
      blobId: body.blobId!, // parts are never kept inline
    });
  } catch (e) {
    await deps.blobs.delete(writtenBlobs(body));
    throw e;
  }
  await deps.blobs.delete(retired);
  const headers: Record<string, string> = {};
  if (object.versionId !== 'null') headers['x-amz-copy-source-version-id'] = object.versionId;
  let xml = el('ETag', `"${body.md5Hex}"`) + el('LastModified', isoMillisZero(lastModified));
  if (upload.checksumAlgorithm) xml += el(`Checksum${upload.checksumAlgorithm}`, body.checksums.get(upload.checksumAlgorithm)!);
  return xmlResponse(s3Document('CopyPartResult', xml), 200, headers);
};

function copyRange(header: string | undefined, object: ObjectVersion): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = RANGE.exec(header);
  const start = m ? Number(m[1]) : NaN;
  const end = m ? Number(m[2]) : NaN;
  if (!m || end < start) {
    throw invalidArgument(
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      'x-amz-copy-source-range',
      header,
    );
  }
  if (start >= object.size) throw invalidRequest('The specified copy range is invalid for the source object size');
  if (end >= object.size) {
    throw invalidArgument(`Range specified is not valid for source object of size: ${object.size}`, 'x-amz-copy-source-range', header);
  }
  return { start, end };
}
