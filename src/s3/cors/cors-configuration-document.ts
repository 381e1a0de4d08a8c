/**
 * GetBucketCors's document: the rules as stored, in order, each with its elements in the order
 * AWS writes them (ID, AllowedHeader, AllowedMethod, AllowedOrigin, ExposeHeader,
 * MaxAgeSeconds — the CORSRule shape of the S3 API model) and values verbatim (header case kept,
 * ../shared/spec/s3-core.md §10.1).
 */
import type { CorsRule } from '../../storage/types.ts';
import { el, optionalEl, s3Document } from '../xml/xml-writer.ts';

export function corsConfigurationDocument(rules: readonly CorsRule[]): string {
  let inner = '';
  for (const rule of rules) {
    inner +=
      '<CORSRule>' +
      optionalEl('ID', rule.id) +
      rule.allowedHeaders.map((h) => el('AllowedHeader', h)).join('') +
      rule.allowedMethods.map((m) => el('AllowedMethod', m)).join('') +
      rule.allowedOrigins.map((o) => el('AllowedOrigin', o)).join('') +
      rule.exposeHeaders.map((h) => el('ExposeHeader', h)).join('') +
      optionalEl('MaxAgeSeconds', rule.maxAgeSeconds) +
      '</CORSRule>';
  }
  return s3Document('CORSConfiguration', inner);
}
