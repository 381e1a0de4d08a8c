/**
 * x-amz-meta-* (../shared/spec/s3-core.md §3.1): names lower-cased, repeated names joined with
 * `,`, RFC 2047 input that decodes to ASCII stored decoded, non-ASCII values returned RFC
 * 2047-encoded, names + values ≤ 2048 UTF-8 bytes or MetadataTooLarge.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { RequestHeaders } from '../s3-request.ts';
import { MAX_USER_METADATA_BYTES, parseUserMetadata, userMetadataHeaders } from './user-metadata.ts';

const parse = (headers: Record<string, string | string[]>) => parseUserMetadata(RequestHeaders.fromObject(headers));
/** What node hands us for a header sent as raw UTF-8 bytes: each byte as one latin1 char. */
const onTheWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const out = (metadata: Array<[string, string]>) => {
  const into: Record<string, string | number> = {};
  userMetadataHeaders(metadata, into);
  return into;
};

describe('parseUserMetadata: names and values', () => {
  it('keeps only x-amz-meta-* headers, names without the prefix, lower-cased', () => {
    assert.deepEqual(
      parse({ 'X-Amz-Meta-TEST_META_1': 'v1', 'x-amz-meta-Camel-Case': 'v2', 'content-type': 'text/plain', 'x-amz-metadata-directive': 'REPLACE' }),
      [['test_meta_1', 'v1'], ['camel-case', 'v2']],
    );
    assert.deepEqual(parse({}), []);
  });

  it('trims values and joins repeated names with ","', () => {
    assert.deepEqual(parse({ 'x-amz-meta-a': '  padded  ' }), [['a', 'padded']]);
    assert.deepEqual(parse({ 'x-amz-meta-a': ['1', ' 2', '3 '] }), [['a', '1,2,3']]);
  });

  it('recovers raw UTF-8 values from their latin1 view', () => {
    assert.deepEqual(parse({ 'x-amz-meta-city': onTheWire('Z\u00fcrich \u{1f600}') }), [['city', 'Z\u00fcrich \u{1f600}']]);
  });
});

describe('parseUserMetadata: RFC 2047 (§3.1)', () => {
  const rows: Array<[input: string, stored: string]> = [
    // Decodes to pure ASCII → stored decoded.
    ['=?UTF-8?Q?actually-ascii?=', 'actually-ascii'],
    ['=?utf-8?q?a_b=21?=', 'a b!'],
    ['=?UTF-8?B?aGVsbG8gd29ybGQ=?=', 'hello world'],
    ['=?utf-8?b?aGVsbG8=?=', 'hello'],
    // Decodes to non-ASCII → the client's encoding is kept.
    ['=?UTF-8?Q?caf=C3=A9?=', '=?UTF-8?Q?caf=C3=A9?='],
    ['=?UTF-8?B?w6k=?=', '=?UTF-8?B?w6k=?='],
    // Not an encoded word at all.
    ['=?ISO-8859-1?Q?a?=', '=?ISO-8859-1?Q?a?='],
    ['prefix =?UTF-8?Q?a?=', 'prefix =?UTF-8?Q?a?='],
    ['plain', 'plain'],
  ];
  for (const [input, stored] of rows) {
    it(`${input} → stored ${stored}`, () => {
      assert.deepEqual(parse({ 'x-amz-meta-m': input }), [['m', stored]]);
    });
  }
});

describe('userMetadataHeaders: the response side', () => {
  it('prefixes names; printable ASCII goes out verbatim', () => {
    assert.deepEqual(out([['a', 'plain value'], ['b', '=?UTF-8?Q?caf=C3=A9?=']]), {
      'x-amz-meta-a': 'plain value',
      'x-amz-meta-b': '=?UTF-8?Q?caf=C3=A9?=',
    });
  });

  it('non-ASCII values go out as an RFC 2047 B-encoded word of their UTF-8', () => {
    assert.deepEqual(out([['city', 'Z\u00fcrich'], ['e', '\u{1f600}']]), {
      'x-amz-meta-city': '=?UTF-8?B?WsO8cmljaA==?=',
      'x-amz-meta-e': '=?UTF-8?B?8J+YgA==?=',
    });
  });

  it('what goes out comes back in unchanged when non-ASCII, decoded when ASCII', () => {
    const [[, stored]] = parse({ 'x-amz-meta-c': onTheWire('caf\u00e9') }) as [[string, string]];
    const sent = out([['c', stored]])['x-amz-meta-c'] as string;
    assert.equal(sent, '=?UTF-8?B?Y2Fmw6k=?=');
    assert.deepEqual(parse({ 'x-amz-meta-c': sent }), [['c', sent]]);
  });
});

describe('parseUserMetadata: the 2 KiB limit', () => {
  function tooLarge(headers: Record<string, string>, size: number) {
    assert.throws(
      () => parse(headers),
      (e: unknown) => {
        assert.ok(e instanceof S3Error);
        assert.deepEqual(
          { status: e.status, code: e.code, message: e.message, fields: e.fields },
          {
            status: 400, code: 'MetadataTooLarge', message: 'Your metadata headers exceed the maximum allowed metadata size.',
            fields: [['Size', String(size)], ['MaxSizeAllowed', '2048']],
          },
        );
        return true;
      },
    );
  }

  it('is 2048 bytes', () => assert.equal(MAX_USER_METADATA_BYTES, 2048));

  it('names (without the prefix) and values together, up to 2048 bytes, pass', () => {
    assert.equal(parse({ 'x-amz-meta-k': 'x'.repeat(2047) }).length, 1);
    assert.equal(parse({ 'x-amz-meta-ab': 'x'.repeat(1000), 'x-amz-meta-cd': 'y'.repeat(1044) }).length, 2);
  });

  it('2049 bytes → 400 MetadataTooLarge with Size and MaxSizeAllowed', () => {
    tooLarge({ 'x-amz-meta-k': 'x'.repeat(2048) }, 2049);
    tooLarge({ 'x-amz-meta-ab': 'x'.repeat(1000), 'x-amz-meta-cd': 'y'.repeat(1045) }, 2049);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 'k' + 1024 × 'é' (2 bytes each) = 2049 bytes in 1025 characters.
    tooLarge({ 'x-amz-meta-k': onTheWire('\u00e9'.repeat(1024)) }, 2049);
    assert.equal(parse({ 'x-amz-meta-k': onTheWire('\u00e9'.repeat(1023) + 'x') }).length, 1);
  });
});
