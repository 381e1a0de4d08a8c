/**
 * Authenticates a browser POST upload from its form fields (policy, signature, credential).
 */
import type { Authentication } from '../authentication.ts';
import type { AuthenticateDeps } from '../authenticate.ts';
import type { PostForm, PostUpload } from '../../s3/post/post-form.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';

export async function authenticatePost(
  _req: S3Request,
  _form: PostForm,
  _deps: AuthenticateDeps,
): Promise<{ auth: Authentication; upload: PostUpload }> {
  throw new S3Error('NotImplemented', { message: 'POST Object is not implemented by Coffer yet.' });
}
