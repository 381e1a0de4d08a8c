/**
 * Content-MD5 (../shared/spec/s3-core.md §3.2): base64 of 16 bytes; malformed → InvalidDigest
 * echoing the value in an element named Content-MD5; mismatch → BadDigest.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { checkContentMd5, parseContentMd5 } from './content-md5.ts';

const md5 = (text: string) => createHash('md5').update(text).digest();

describe('parseContentMd5', () => {
  it('absent → undefined', () => {
    assert.equal(parseContentMd5(undefined), undefined);
  });

  it('base64 of 16 bytes → those bytes', () => {
    // MD5("") = d41d8cd98f00b204e9800998ecf8427e
    assert.equal(parseContentMd5('1B2M2Y8AsgTpgAmY7PhCfg==')!.toString('hex'), 'd41d8cd98f00b204e9800998ecf8427e');
    assert.deepEqual(parseContentMd5(md5('hello').toString('base64')), md5('hello'));
  });

  it('malformed → 400 InvalidDigest with <Content-MD5> echoing the value', () => {
    const bad = [
      '', // empty
      'd41d8cd98f00b204e9800998ecf8427e', // hex, not base64
      '1B2M2Y8AsgTpgAmY7PhCfg', // padding missing
      '1B2M2Y8AsgTpgAmY7PhCfg=', // padding short
      '1B2M2Y8AsgTpgAmY7PhCfh==', // non-canonical trailing bits
      'AAAAAAAAAAAAAAAAAAAA', // 15 bytes
      'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', // 20 bytes
      '1B2M2Y8AsgTpgAmY7PhCfg==\n',
      ' 1B2M2Y8AsgTpgAmY7PhCfg==',
      '1B2M2Y8A*gTpgAmY7PhCfg==',
      '1B2M2Y8AsgTpgAmY7PhCfg===',
    ];
    for (const value of bad) {
      assert.throws(
        () => parseContentMd5(value),
        (e: unknown) => {
          assert.ok(e instanceof S3Error);
          assert.deepEqual(
            { status: e.status, code: e.code, message: e.message, fields: e.fields },
            { status: 400, code: 'InvalidDigest', message: 'The Content-MD5 you specified was invalid.', fields: [['Content-MD5', value]] },
          );
          return true;
        },
        JSON.stringify(value),
      );
    }
  });
});

describe('checkContentMd5', () => {
  it('nothing declared, or a match → passes', () => {
    checkContentMd5(undefined, md5('body'));
    checkContentMd5(md5('body'), md5('body'));
  });

  it('a mismatch → 400 BadDigest with ExpectedDigest, then CalculatedDigest', () => {
    assert.throws(
      () => checkContentMd5(md5('declared'), md5('received')),
      (e: unknown) => {
        assert.ok(e instanceof S3Error);
        assert.deepEqual(
          { status: e.status, code: e.code, message: e.message, fields: e.fields },
          {
            status: 400, code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.',
            fields: [['ExpectedDigest', md5('declared').toString('base64')], ['CalculatedDigest', md5('received').toString('base64')]],
          },
        );
        return true;
      },
    );
  });
});
