/**
 * max-keys, encoding-type and the url encoding of listings (../shared/spec/s3-core.md §6.1–6.2).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { QueryParams } from '../s3-request.ts';
import { MAX_PAGE, parseEncodingType, parseMaxKeys, urlEncodeKey } from './list-params.ts';

const q = (pairs: Array<[string, string]>) => new QueryParams(pairs);

function s3Error(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof S3Error, String(e));
    return { status: e.status, code: e.code, message: e.message, fields: e.fields };
  }
  assert.fail('expected an S3Error');
}

describe('parseMaxKeys', () => {
  it('defaults to 1000', () => {
    assert.equal(MAX_PAGE, 1000);
    assert.deepEqual(parseMaxKeys(q([])), { pageSize: 1000, echo: 1000 });
  });

  const accepted: Array<[string, number, number]> = [
    ['0', 0, 0], // empty page, IsTruncated false (§6.1)
    ['1', 1, 1],
    ['999', 999, 999],
    ['1000', 1000, 1000],
    ['1001', 1000, 1001], // > 1000 returns ≤ 1000 entries; MaxKeys echoed as sent (§11)
    ['2147483647', 1000, 2147483647],
    ['007', 7, 7],
  ];
  for (const [text, pageSize, echo] of accepted) {
    it(`max-keys=${text} → page ${pageSize}, MaxKeys ${echo}`, () => {
      assert.deepEqual(parseMaxKeys(q([['max-keys', text]])), { pageSize, echo });
    });
  }

  for (const text of ['', 'abc', '1.5', '1e3', '0x10', '+5', '2147483648', '99999999999999999999', '-2147483649', '5abc']) {
    it(`max-keys=${JSON.stringify(text)} → not an integer or outside int32`, () => {
      assert.deepEqual(s3Error(() => parseMaxKeys(q([['max-keys', text]]))), {
        status: 400, code: 'InvalidArgument', message: 'Provided max-keys not an integer or within integer range',
        fields: [['ArgumentName', 'max-keys'], ['ArgumentValue', text]],
      });
    });
  }

  for (const text of ['-1', '-1000', '-2147483648']) {
    it(`max-keys=${text} → negative`, () => {
      assert.deepEqual(s3Error(() => parseMaxKeys(q([['max-keys', text]]))), {
        status: 400, code: 'InvalidArgument', message: 'Argument maxKeys must be an integer between 0 and 2147483647',
        fields: [['ArgumentName', 'maxKeys'], ['ArgumentValue', text]],
      });
    });
  }

  it('reads another parameter when asked (max-uploads), naming it in the error', () => {
    assert.deepEqual(parseMaxKeys(q([['max-keys', '5'], ['max-uploads', '7']]), 'max-uploads'), { pageSize: 7, echo: 7 });
    const e = s3Error(() => parseMaxKeys(q([['max-uploads', 'x']]), 'max-uploads'));
    assert.deepEqual([e.status, e.code, e.fields], [400, 'InvalidArgument', [['ArgumentName', 'max-uploads'], ['ArgumentValue', 'x']]]);
  });
});

describe('parseEncodingType', () => {
  it('absent → none; url → url', () => {
    assert.equal(parseEncodingType(q([])), undefined);
    assert.equal(parseEncodingType(q([['encoding-type', 'url']])), 'url');
  });

  it('anything but url, even empty → 400 InvalidArgument, ArgumentName encoding-type', () => {
    for (const value of ['', 'base64', 'urlx', ' url2']) {
      assert.deepEqual(s3Error(() => parseEncodingType(q([['encoding-type', value]]))), {
        status: 400, code: 'InvalidArgument', message: 'Invalid Encoding Method specified in Request',
        fields: [['ArgumentName', 'encoding-type'], ['ArgumentValue', value]],
      });
    }
  });
});

/**
 * The spec's rule, built independently from encodeURIComponent: keep A-Za-z0-9 - _ . * /,
 * space → +, every other UTF-8 byte %XX upper-case.
 */
function specEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/')
    .replace(/[!~'()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

describe('urlEncodeKey', () => {
  const rows: Array<[string, string]> = [
    ['date=2026-02-01/', 'date%3D2026-02-01/'], // seen on AWS (§6.2)
    ['photos/a b.jpg', 'photos/a+b.jpg'],
    ['a+b', 'a%2Bb'],
    ['100%', '100%25'],
    ['AZaz09-_.*/', 'AZaz09-_.*/'],
    ['~!\'()', '%7E%21%27%28%29'],
    ['caf\u00e9', 'caf%C3%A9'],
    ['\u{1f600}', '%F0%9F%98%80'],
    ['\uffff', '%EF%BF%BF'],
    ['tab\there\n', 'tab%09here%0A'],
    ['?&=#', '%3F%26%3D%23'],
    ['', ''],
  ];
  for (const [text, encoded] of rows) {
    it(`${JSON.stringify(text)} → ${encoded}`, () => {
      assert.equal(urlEncodeKey(text), encoded);
      assert.equal(specEncode(text), encoded, 'the reference agrees');
    });
  }

  it('agrees with the spec rule for every byte and for random strings', () => {
    for (let c = 0; c < 0x800; c++) assert.equal(urlEncodeKey(String.fromCharCode(c)), specEncode(String.fromCharCode(c)), `U+${c.toString(16)}`);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pool = ['a', 'Z', '0', ' ', '/', '+', '%', '*', '~', '=', '&', '\u00e9', '\u2014', '\u{1f600}', '\uffff', '\u0000'];
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: Math.floor(rand() * 8) }, () => pool[Math.floor(rand() * pool.length)]).join('');
      assert.equal(urlEncodeKey(s), specEncode(s), JSON.stringify(s));
      // botocore decodes with unquote_plus; the round trip must give the key back.
      assert.equal(decodeURIComponent(urlEncodeKey(s).replace(/\+/g, ' ')), s);
    }
  });
});
