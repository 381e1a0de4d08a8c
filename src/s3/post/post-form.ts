/**
 * A browser POST upload (POST Object, ../shared/spec/sigv2-and-post.md §4) as the pipeline sees
 * it: the form fields that came before the file, and the file itself as a stream that has not
 * been read yet. Fields after the file are ignored, as on AWS.
 */
import type { Readable } from 'node:stream';
import type { PostPolicy } from '../../auth/post-policy/post-policy.ts';

export interface PostForm {
  /** Field values by lower-cased field name (names are case-insensitive), in the order sent. */
  fields: ReadonlyMap<string, string>;
  /** The field names as the client wrote them, by lower-cased name (for error messages). */
  names: ReadonlyMap<string, string>;
  file: {
    /** The file part's filename (for `${filename}` in the key), '' when none was given. */
    filename: string;
    /** The file part's own Content-Type, if any. */
    contentType: string | undefined;
    /**
     * The file's bytes; reading it reads the rest of the request body, and it ends only once the
     * whole form has been read (a form cut short fails it). Destroying it discards the rest.
     */
    stream: Readable;
  };
}

/** What authenticating a POST form yields besides the identity: the object key and the policy. */
export interface PostUpload {
  /** The form, its file stream now enforcing the policy's content-length-range. */
  form: PostForm;
  /** The `key` field with `${filename}` expanded. */
  key: string;
  /** The decoded policy document, when the form was signed (anonymous forms have none). */
  policy: PostPolicy | undefined;
}
