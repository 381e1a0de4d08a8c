/**
 * UploadPart — PUT /{bucket}/{key}?partNumber=N&uploadId=ID (../shared/spec/s3-core.md §7.2):
 * the part streams into its own blob; re-sending a number replaces the part. Each part's
 * checksum in the upload's algorithm (CRC64NVME when none was chosen) is kept, so completion can
 * compute the object's checksum without rereading the data.
 */
import { checksumHeaderName } from '../../../lib/checksum-algorithm.ts';
import { invalidRequest } from '../../errors/s3-error.ts';
import { readBodyExpectations, writeObjectBody, writtenBlobs } from '../../object-body/write-object-body.ts';
import { emptyResponse } from '../../s3-response.ts';
import type { Handler } from '../handler-context.ts';
import { findUpload } from './find-upload.ts';
import { parsePartNumber } from './part-number.ts';

export const uploadPart: Handler = async (ctx) => {
  const { req, deps, payload } = ctx;
  const partNumber = parsePartNumber(req.query.get('partNumber'));
  const upload = await findUpload(ctx);
  const expectations = readBodyExpectations(req.headers, payload);
  const partAlgorithm = upload.checksumAlgorithm ?? 'CRC64NVME';
  if (upload.checksumAlgorithm && expectations.declared && expectations.declared.algorithm !== upload.checksumAlgorithm) {
    throw invalidRequest(
      `Checksum Type mismatch occurred, expected checksum Type: ${upload.checksumAlgorithm.toLowerCase()}, actual checksum Type: ${expectations.declared.algorithm.toLowerCase()}`,
    );
  }

  const body = await writeObjectBody(deps.blobs, payload, expectations, [partAlgorithm]);
  let retired: string[];
  try {
    retired = await deps.metadata.putPart({
      uploadId: upload.uploadId,
      partNumber,
      lastModified: deps.clock.now(),
      size: body.size,
      etag: body.md5Hex,
      checksum: body.checksums.get(partAlgorithm),
      blobId: body.blobId!, // parts are never kept inline
    });
  } catch (e) {
    // E.g. UploadNotFoundError: completed or aborted while this part was uploading.
    await deps.blobs.delete(writtenBlobs(body));
    throw e;
  }
  await deps.blobs.delete(retired);
  const headers: Record<string, string> = { etag: `"${body.md5Hex}"` };
  if (body.declared) headers[checksumHeaderName(body.declared.algorithm)] = body.declared.value;
  else if (upload.checksumAlgorithm) headers[checksumHeaderName(partAlgorithm)] = body.checksums.get(partAlgorithm)!;
  return emptyResponse(200, headers);
};
