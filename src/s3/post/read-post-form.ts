/**
 * Reads a browser POST upload's multipart/form-data body up to the file part
 * (../shared/spec/sigv2-and-post.md §4): the fields before it are read and kept (they are small
 * and bounded), the file is handed over as a stream that has not been read yet, and whatever
 * follows the file is ignored, as on AWS.
 *
 * - Not multipart/form-data → 412 RequestIsNotMultiPartContent.
 * - No usable boundary, broken syntax, a body that ends early → 400 MalformedPOSTRequest.
 * - No part named `file` → 400 IncorrectNumberOfFilesInPostRequest.
 * - Everything before the file (preamble, delimiters, part headers, field values) may take at
 *   most MAX_PRE_DATA_BYTES → 400 MaxPostPreDataLengthExceededError. AWS names that error but
 *   not its limit; 64 KiB holds a policy, a session token and the 2 KiB of user metadata S3
 *   allows several times over, and bounds what is held in memory per request.
 *
 * Field names are case-insensitive (`Policy` = `policy`); a repeated field keeps its first value.
 * The file is the part named `file` (any case), whether or not it carries a file name.
 */
import { S3Error } from '../errors/s3-error.ts';
import type { S3Request } from '../s3-request.ts';
import { FilePartStream } from './file-part-stream.ts';
import { MultipartReader, malformed } from './multipart-reader.ts';
import { parseHeaderParams } from './part-headers.ts';
import type { PostForm } from './post-form.ts';

export const MAX_PRE_DATA_BYTES = 64 * 1024;

export async function readPostForm(req: S3Request): Promise<PostForm> {
  const reader = new MultipartReader(req.body, formBoundary(req.headers.get('content-type')));
  try {
    const fields = new Map<string, string>();
    const names = new Map<string, string>();
    for (;;) {
      const part = await reader.nextPart(MAX_PRE_DATA_BYTES);
      if (part === undefined) throw new S3Error('IncorrectNumberOfFilesInPostRequest', { reason: 'the form has no file part' });
      const name = part.name.toLowerCase();
      if (name === 'file') {
        return { fields, names, file: { filename: part.filename ?? '', contentType: part.contentType, stream: new FilePartStream(reader) } };
      }
      const value = await reader.readBody(MAX_PRE_DATA_BYTES - reader.position);
      if (fields.has(name)) continue;
      fields.set(name, value.toString('utf8'));
      names.set(name, part.name);
    }
  } catch (error) {
    reader.discardRest();
    throw error;
  }
}

/** The boundary of a `multipart/form-data` Content-Type (RFC 2046 §5.1.1: 1–70 characters). */
export function formBoundary(contentType: string | undefined): string {
  const { type, params } = parseHeaderParams(contentType ?? '');
  if (type.toLowerCase() !== 'multipart/form-data') {
    throw new S3Error('RequestIsNotMultiPartContent', { reason: `Content-Type ${contentType ?? '(none)'}` });
  }
  const boundary = params.get('boundary');
  if (boundary === undefined || boundary.length === 0 || boundary.length > 70) {
    throw malformed(`unusable multipart boundary in ${contentType}`);
  }
  return boundary;
}
