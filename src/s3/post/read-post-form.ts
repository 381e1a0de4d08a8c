/**
 * Reads a browser POST upload's multipart/form-data body up to the file part.
 */
import { S3Error } from '../errors/s3-error.ts';
import type { S3Request } from '../s3-request.ts';
import type { PostForm } from './post-form.ts';

export async function readPostForm(_req: S3Request): Promise<PostForm> {
  throw new S3Error('NotImplemented', { message: 'POST Object is not implemented by Coffer yet.' });
}
