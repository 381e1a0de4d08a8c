/**
 * PostObject — POST /{bucket} with a multipart/form-data body: a browser upload
 * (../shared/spec/sigv2-and-post.md §4). The pipeline has read the form up to the file,
 * authenticated it against its policy and authorized s3:PutObject on the form's key; here the
 * object is stored exactly as PutObject stores one, its attributes taken from the form fields,
 * and the answer is the one the form asked for (success_action_status / _redirect).
 * The file's size is unknown until it has streamed: the policy's content-length-range (and
 * S3's 5 GiB) are enforced by the stream, which fails before it ends, so nothing is stored.
 */
import { bodyExpectations } from '../../object-body/write-object-body.ts';
import { parseObjectAttributes } from '../../object-headers/object-attributes.ts';
import { formAclHeaders, formObjectHeaders } from '../../post/form-object-headers.ts';
import { postSuccessResponse } from '../../post/post-success-response.ts';
import { objectRequestAcl } from '../acl/object-request-acl.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { objectUrl } from '../multipart/object-url.ts';
import { checkKeyLength } from './put-object.ts';
import { storeObject } from './store-object.ts';

export const postObject: Handler = async (ctx) => {
  const { req, post, payload } = ctx;
  if (post === undefined) throw new Error('PostObject needs the POST form (registry credentials: post-form)');
  const bucket = bucketOf(ctx);
  try {
    const key = checkKeyLength(post.key);
    // Everything the fields can fail on is checked before a byte of the file is read.
    const headers = formObjectHeaders(post.form.fields);
    const attributes = parseObjectAttributes(headers);
    const expectations = bodyExpectations(headers);
    const acl = await objectRequestAcl(ctx, formAclHeaders(post.form.fields));

    const { version } = await storeObject(ctx, { key, attributes, expectations, conditions: undefined, acl });
    return postSuccessResponse(post.form.fields, {
      bucket: bucket.name,
      key,
      etag: version.etag,
      location: objectUrl(req, bucket.name, key),
    });
  } finally {
    // Refused before the file was read: let the rest of the body drain (a no-op once it ended).
    if (!payload.body.readableEnded) payload.body.destroy();
  }
};
