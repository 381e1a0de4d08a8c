import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../s3/errors/s3-error.ts';
import { parseQuery } from './parse-query.ts';

describe('parseQuery', () => {
  const rows: Array<[raw: string, pairs: Array<[string, string]>]> = [
    ['', []],
    ['uploads', [['uploads', '']]],
    // §1.2: `?uploads` and `?uploads=` are the same sub-resource.
    ['uploads=', [['uploads', '']]],
    ['a=1&b&c=', [['a', '1'], ['b', ''], ['c', '']]],
    ['&&a=1&&', [['a', '1']]],
    ['a=1&a=2&b=3', [['a', '1'], ['a', '2'], ['b', '3']]],
    ['v=a=b', [['v', 'a=b']]],
    ['=x', [['', 'x']]],
    ['prefix=a+b', [['prefix', 'a b']]],
    ['prefix=a%2Bb', [['prefix', 'a+b']]],
    ['prefix=photos%2F&delimiter=%2F', [['prefix', 'photos/'], ['delimiter', '/']]],
    ['x%2Dy=1', [['x-y', '1']]],
    ['a+b=c+d', [['a b', 'c d']]],
    ['prefix=caf%C3%A9%F0%9F%98%80', [['prefix', 'caf\u00e9\u{1f600}']]],
    ['uploadId=VXBsb2Fk%3D%3D&partNumber=1', [['uploadId', 'VXBsb2Fk=='], ['partNumber', '1']]],
  ];
  for (const [raw, pairs] of rows) {
    it(`${JSON.stringify(raw)} → ${JSON.stringify(pairs)}`, () => {
      assert.deepEqual(parseQuery(raw).all(), pairs);
      assert.equal(parseQuery(raw).size, pairs.length);
    });
  }

  it('get returns the first value, has/get are case-sensitive, absent names are undefined', () => {
    const q = parseQuery('a=1&a=2&uploads&Prefix=P');
    assert.equal(q.get('a'), '1');
    assert.equal(q.get('uploads'), '');
    assert.equal(q.has('uploads'), true);
    assert.equal(q.has('Uploads'), false);
    assert.equal(q.get('prefix'), undefined);
    assert.equal(q.get('Prefix'), 'P');
    assert.equal(q.has('missing'), false);
  });

  it('malformed percent-encoding in a name or a value → 400 InvalidURI', () => {
    for (const raw of ['a=%zz', 'a=%4', 'a=%', '%zz=1', 'a%=1', 'ok=1&bad=%G1']) {
      assert.throws(
        () => parseQuery(raw),
        (e: unknown) => {
          assert.ok(e instanceof S3Error);
          assert.deepEqual(
            { status: e.status, code: e.code, message: e.message, fields: e.fields },
            { status: 400, code: 'InvalidURI', message: "Couldn't parse the specified URI.", fields: [] },
          );
          return true;
        },
        raw,
      );
    }
  });
});
