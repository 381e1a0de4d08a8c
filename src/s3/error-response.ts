import type { S3Error } from './errors/s3-error.ts';
import type { S3Request } from './s3-request.ts';
import { xmlResponse, type S3Response } from './s3-response.ts';
import { errorDocument } from './xml/error-document.ts';

/**
 * An S3Error as a response. HEAD and 304 responses lose their body in the renderer; the status
 * alone is what the client gets (../shared/spec/errors.md §1.3).
 */
export function errorResponse(error: S3Error, req: Pick<S3Request, 'id' | 'hostId'>): S3Response {
  return xmlResponse(errorDocument(error, req.id, req.hostId), error.status, { ...error.headers });
}
