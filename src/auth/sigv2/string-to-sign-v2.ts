import type { RequestHeaders } from '../../s3/s3-request.ts';

/** The lines of a SigV2 string to sign, each already canonical (sigv2-and-post.md §1.1, §2). */
export interface StringToSignV2Parts {
  /** Upper-case HTTP verb. */
  method: string;
  /** The Content-MD5 header value, trimmed; '' when absent. */
  contentMd5: string;
  /** The Content-Type header value, trimmed; '' when absent. */
  contentType: string;
  /** Header form: the Date line (see header-strings-to-sign.ts); query form: the Expires value. */
  dateLine: string;
  /** CanonicalizedAmzHeaders: `name:value\n` lines, possibly ''. */
  amzHeaders: string;
  /** CanonicalizedResource. */
  resource: string;
}

/**
 * `Verb \n Content-MD5 \n Content-Type \n Date \n CanonicalizedAmzHeaders CanonicalizedResource`
 * (sigv2-and-post.md §1.1; the amz-header lines carry their own newlines). A byte string, like
 * its parts.
 */
export function stringToSignV2(p: StringToSignV2Parts): string {
  return `${p.method}\n${p.contentMd5}\n${p.contentType}\n${p.dateLine}\n${p.amzHeaders}${p.resource}`;
}

/** The positional Content-MD5 and Content-Type lines: the header value only, trimmed; '' when absent (§1.1). */
export function positionalLines(headers: RequestHeaders): Pick<StringToSignV2Parts, 'contentMd5' | 'contentType'> {
  return { contentMd5: (headers.get('content-md5') ?? '').trim(), contentType: (headers.get('content-type') ?? '').trim() };
}
