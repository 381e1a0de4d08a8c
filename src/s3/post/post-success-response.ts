/**
 * How a successful POST upload answers (../shared/spec/sigv2-and-post.md §4.2):
 * - `success_action_redirect` (or the legacy `redirect`) holding a URL → 303 See Other to it,
 *   with `bucket`, `key` and `etag` (quoted, `%22…%22`) appended to its query;
 *   a value that is not a URL is ignored, as AWS ignores a redirect it cannot interpret;
 * - else `success_action_status` 200 → 200 and 201 → 201 with a PostResponse document; any
 *   other value, or none, → 204 No Content.
 * Every answer carries the object's ETag and its URL in Location (the redirect's for a 303).
 */
import { uriEncode } from '../../lib/uri-encode.ts';
import { XML_DECLARATION, el } from '../xml/xml-writer.ts';
import { emptyResponse, xmlResponse, type S3Response } from '../s3-response.ts';

export interface PostedObject {
  bucket: string;
  key: string;
  /** Without quotes. */
  etag: string;
  /** The object's absolute URL. */
  location: string;
}

export function postSuccessResponse(fields: ReadonlyMap<string, string>, object: PostedObject): S3Response {
  const etag = `"${object.etag}"`;
  const redirect = redirectUrl(fields.get('success_action_redirect') ?? fields.get('redirect'), object);
  if (redirect !== undefined) return emptyResponse(303, { location: redirect, etag });

  const headers = { etag, location: object.location };
  switch (fields.get('success_action_status')) {
    case '200':
      return emptyResponse(200, headers);
    case '201':
      return xmlResponse(
        `${XML_DECLARATION}<PostResponse>${el('Location', object.location)}${el('Bucket', object.bucket)}${el('Key', object.key)}${el('ETag', etag)}</PostResponse>`,
        201,
        headers,
      );
    default:
      return emptyResponse(204, headers);
  }
}

function redirectUrl(target: string | undefined, object: PostedObject): string | undefined {
  if (target === undefined || !URL.canParse(target)) return undefined;
  const hash = target.indexOf('#');
  const base = hash === -1 ? target : target.slice(0, hash);
  const fragment = hash === -1 ? '' : target.slice(hash);
  const query = `bucket=${uriEncode(object.bucket, false)}&key=${uriEncode(object.key, false)}&etag=${uriEncode(`"${object.etag}"`, false)}`;
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return base + separator + query + fragment;
}
