/**
 * Which credentials a POST form carries (../shared/spec/sigv2-and-post.md §4.1), decided by the
 * fields present (names case-insensitive):
 * - any of X-Amz-Algorithm / X-Amz-Credential / X-Amz-Signature → Signature V4, and then all of
 *   X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Signature and the policy are required;
 * - else any of AWSAccessKeyId / Signature → Signature V2, with both and the policy required;
 * - else anonymous: a policy sent alone authenticates nobody (AWS answers "Access Denied" on a
 *   private bucket — the authorizer's answer for anonymous uploads).
 * A missing field is 400 InvalidArgument "Bucket POST must contain a field named '<Name>'.  If it
 * is specified, please check the order of the fields." (AWS-recorded for AWSAccessKeyId,
 * Signature, X-Amz-Algorithm and X-Amz-Signature; the same wording is used for the others.)
 */
import type { PostForm } from '../../s3/post/post-form.ts';
import { missingField } from './post-errors.ts';

export type PostCredentials =
  | { kind: 'anonymous' }
  | {
      kind: 'v4';
      algorithm: string;
      credential: string;
      amzDate: string;
      signature: string;
      policy: string;
      sessionToken: string | undefined;
    }
  | { kind: 'v2'; accessKeyId: string; signature: string; policy: string; sessionToken: string | undefined };

const V4_FIELDS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Signature'] as const;

export function readPostCredentials(form: PostForm): PostCredentials {
  const { fields } = form;
  const field = (name: string): string => {
    const value = fields.get(name.toLowerCase());
    if (value === undefined) throw missingField(name);
    return value;
  };
  const sessionToken = fields.get('x-amz-security-token');

  if (fields.has('x-amz-algorithm') || fields.has('x-amz-credential') || fields.has('x-amz-signature')) {
    const [algorithm, credential, amzDate, signature] = V4_FIELDS.map(field) as [string, string, string, string];
    return { kind: 'v4', algorithm, credential, amzDate, signature, policy: field('Policy'), sessionToken };
  }
  if (fields.has('awsaccesskeyid') || fields.has('signature')) {
    const accessKeyId = field('AWSAccessKeyId');
    const signature = field('Signature');
    return { kind: 'v2', accessKeyId, signature, policy: field('Policy'), sessionToken };
  }
  return { kind: 'anonymous' };
}
