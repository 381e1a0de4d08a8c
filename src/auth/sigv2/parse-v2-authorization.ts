import { extraSpaceInAuthorization, malformedV2Authorization } from './sigv2-errors.ts';

export interface V2Authorization {
  accessKeyId: string;
  /** Base64 HMAC-SHA1 as sent (28 characters when well-formed). */
  signature: string;
}

/**
 * `Authorization: AWS <AWSAccessKeyId>:<Signature>` (sigv2-and-post.md §1.1). The dispatcher has
 * already seen the `AWS ` scheme token. After it: a second space → 400 InvalidArgument "…one and
 * only one ' ' (space) required."; anything but exactly `AKID:signature` with both parts
 * non-empty → 400 InvalidArgument "AWS authorization header is invalid.  Expected
 * AwsAccessKeyId:signature" — both with ArgumentName `Authorization` and the header as
 * ArgumentValue (errors.md §4).
 */
export function parseV2Authorization(value: string): V2Authorization {
  const credentials = value.slice(value.indexOf(' ') + 1);
  if (credentials.includes(' ')) throw extraSpaceInAuthorization(value);
  const colon = credentials.indexOf(':');
  if (colon <= 0 || colon === credentials.length - 1 || credentials.indexOf(':', colon + 1) !== -1) {
    throw malformedV2Authorization(value);
  }
  return { accessKeyId: credentials.slice(0, colon), signature: credentials.slice(colon + 1) };
}
