/**
 * GetBucketCors's document: rules as stored, elements in AWS's order, values escaped verbatim.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corsConfigurationDocument } from './cors-configuration-document.ts';
import { parseCorsConfiguration } from './parse-cors-configuration.ts';
import { validateCorsRules } from './validate-cors-rules.ts';
import { rule } from './testing/cors-fixtures.ts';

describe('corsConfigurationDocument', () => {
  it('writes ID, AllowedHeader, AllowedMethod, AllowedOrigin, ExposeHeader, MaxAgeSeconds in that order', () => {
    const xml = corsConfigurationDocument([
      rule({ id: 'r&1', allowedHeaders: ['X-Amz-*', 'Content-Type'], allowedMethods: ['PUT', 'GET'], allowedOrigins: ['https://a.test'], exposeHeaders: ['ETag'], maxAgeSeconds: 60 }),
      rule({ allowedMethods: ['HEAD'], allowedOrigins: ['*'] }),
    ]);
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="UTF-8"?>\n<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<CORSRule><ID>r&amp;1</ID><AllowedHeader>X-Amz-*</AllowedHeader><AllowedHeader>Content-Type</AllowedHeader>' +
        '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedOrigin>https://a.test</AllowedOrigin>' +
        '<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule>' +
        '<CORSRule><AllowedMethod>HEAD</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>' +
        '</CORSConfiguration>',
    );
  });

  it('round-trips through parse and validate unchanged', () => {
    const rules = [rule({ id: ' spaced ', allowedHeaders: ['A<b>'], allowedMethods: ['POST'], allowedOrigins: ['http://*.x.test'], exposeHeaders: ['"q"'], maxAgeSeconds: 0 })];
    assert.deepEqual(validateCorsRules(parseCorsConfiguration(Buffer.from(corsConfigurationDocument(rules)))), rules);
  });
});
