/**
 * PutBucketCors's document as S3's schema sees it (../shared/spec/s3-core.md §10.1): rules in
 * order, values verbatim; everything that does not validate is MalformedXML.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { parseCorsConfiguration } from './parse-cors-configuration.ts';

const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const doc = (rules: string, attrs = NS) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<CORSConfiguration ${attrs}>${rules}</CORSConfiguration>`);
const RULE = '<AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin>';

describe('parseCorsConfiguration', () => {
  it('reads the spec example: every element, in order, values verbatim', () => {
    const xml = `
<CORSConfiguration ${NS}>
  <CORSRule><ID>rule1</ID><AllowedHeader>x-amz-*</AllowedHeader>
    <AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>
    <AllowedOrigin>https://*.example.com</AllowedOrigin><ExposeHeader>x-amz-request-id</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>
  <CORSRule>
    <AllowedOrigin>http://a.test</AllowedOrigin>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>Content-Type</AllowedHeader>
    <AllowedHeader>X-Amz-Date</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
  </CORSRule>
</CORSConfiguration>`;
    assert.deepEqual(parseCorsConfiguration(Buffer.from(xml)), [
      {
        id: 'rule1',
        allowedHeaders: ['x-amz-*'],
        allowedMethods: ['GET', 'PUT'],
        allowedOrigins: ['https://*.example.com'],
        exposeHeaders: ['x-amz-request-id'],
        maxAgeSeconds: 3000,
      },
      {
        allowedHeaders: ['Content-Type', 'X-Amz-Date'],
        allowedMethods: ['DELETE'],
        allowedOrigins: ['http://a.test'],
        exposeHeaders: ['ETag', 'Content-Length'],
      },
    ]);
  });

  it('accepts the document without a namespace, and decodes entities', () => {
    const rules = parseCorsConfiguration(doc('<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>http://a.test/?x=1&amp;y=2</AllowedOrigin></CORSRule>', ''));
    assert.deepEqual(rules[0]!.allowedOrigins, ['http://a.test/?x=1&y=2']);
  });

  it('keeps methods unchecked (validateCorsRules decides)', () => {
    assert.deepEqual(parseCorsConfiguration(doc('<CORSRule><AllowedMethod>PATCH</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>'))[0]!.allowedMethods, ['PATCH']);
  });

  it('MaxAgeSeconds is an xs:int', () => {
    const maxAge = (text: string) => parseCorsConfiguration(doc(`<CORSRule>${RULE}<MaxAgeSeconds>${text}</MaxAgeSeconds></CORSRule>`))[0]!.maxAgeSeconds;
    assert.equal(maxAge('0'), 0);
    assert.equal(maxAge(' 600 '), 600);
    assert.equal(maxAge('+5'), 5);
    assert.equal(maxAge('2147483647'), 2147483647);
  });

  const MALFORMED: Array<[name: string, body: Buffer]> = [
    ['an empty body', Buffer.alloc(0)],
    ['not XML', Buffer.from('{"CORSRules":[]}')],
    ['not well-formed', Buffer.from(`<CORSConfiguration><CORSRule>${RULE}</CORSConfiguration>`)],
    ['another root element', Buffer.from(`<CORSRules><CORSRule>${RULE}</CORSRule></CORSRules>`)],
    ['no rule', doc('')],
    ['no rule, self-closed root', Buffer.from('<CORSConfiguration/>')],
    ['an empty rule', doc('<CORSRule/>')],
    ['a rule without AllowedMethod', doc('<CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule>')],
    ['a rule without AllowedOrigin', doc('<CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule>')],
    ['an unknown element in a rule', doc(`<CORSRule>${RULE}<AllowedMethods>GET</AllowedMethods></CORSRule>`)],
    ['an unknown element in the configuration', doc(`<CORSRule>${RULE}</CORSRule><Rule>${RULE}</Rule>`)],
    ['text in a rule', doc(`<CORSRule>${RULE}oops</CORSRule>`)],
    ['text in the configuration', doc(`oops<CORSRule>${RULE}</CORSRule>`)],
    ['two IDs', doc(`<CORSRule><ID>a</ID><ID>b</ID>${RULE}</CORSRule>`)],
    ['two MaxAgeSeconds', doc(`<CORSRule>${RULE}<MaxAgeSeconds>1</MaxAgeSeconds><MaxAgeSeconds>2</MaxAgeSeconds></CORSRule>`)],
    ['MaxAgeSeconds not a number', doc(`<CORSRule>${RULE}<MaxAgeSeconds>ten</MaxAgeSeconds></CORSRule>`)],
    ['MaxAgeSeconds a decimal', doc(`<CORSRule>${RULE}<MaxAgeSeconds>1.5</MaxAgeSeconds></CORSRule>`)],
    ['MaxAgeSeconds empty', doc(`<CORSRule>${RULE}<MaxAgeSeconds></MaxAgeSeconds></CORSRule>`)],
    ['MaxAgeSeconds beyond xs:int', doc(`<CORSRule>${RULE}<MaxAgeSeconds>2147483648</MaxAgeSeconds></CORSRule>`)],
    ['an element inside AllowedOrigin', doc('<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin><Url>*</Url></AllowedOrigin></CORSRule>')],
    ['an element inside ID', doc(`<CORSRule><ID><X/></ID>${RULE}</CORSRule>`)],
  ];
  for (const [name, body] of MALFORMED) {
    it(`MalformedXML: ${name}`, () => {
      assert.throws(
        () => parseCorsConfiguration(body),
        (e: unknown) => e instanceof S3Error && e.code === 'MalformedXML' && e.status === 400 &&
          e.message === 'The XML you provided was not well-formed or did not validate against our published schema',
      );
    });
  }
});
