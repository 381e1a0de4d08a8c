/**
 * The object key of a POST upload: the `key` field with every `${filename}` replaced by the name
 * of the uploaded file (../shared/spec/sigv2-and-post.md §4.1). A form without a key, or whose
 * key comes out empty, is 400 InvalidArgument "Bucket POST must contain a field named 'key'. …"
 * (the field name in lower case, as AWS writes it).
 */
import { missingField } from './post-errors.ts';

export function expandKey(key: string | undefined, filename: string): string {
  const expanded = key?.replaceAll('${filename}', filename) ?? '';
  if (expanded === '') throw missingField('key');
  return expanded;
}
