/**
 * Bucket naming rules for new buckets (../shared/spec/s3-core.md §2.1), one group per rule,
 * with AWS's own documented examples.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidBucketName } from './bucket-name.ts';

function valid(...names: string[]) {
  for (const name of names) assert.equal(isValidBucketName(name), true, `${JSON.stringify(name)} should be valid`);
}
function invalid(...names: string[]) {
  for (const name of names) assert.equal(isValidBucketName(name), false, `${JSON.stringify(name)} should be invalid`);
}

describe('isValidBucketName (§2.1)', () => {
  it('AWS documentation examples of valid names', () => {
    valid('docexamplebucket1', 'log-delivery-march-2020', 'my-hosted-content', 'docexamplewebsite.com', 'www.docexamplewebsite.com', 'my.example.s3.bucket');
  });

  it('AWS documentation examples of invalid names', () => {
    invalid('doc_example_bucket', 'DocExampleBucket', 'doc-example-bucket-');
  });

  it('3 to 63 characters', () => {
    valid('abc', 'a1b', '123', 'a'.repeat(63), 'a' + '-'.repeat(61) + 'b');
    invalid('', 'a', 'ab', 'a'.repeat(64), 'a' + '.b'.repeat(31) + 'c');
  });

  it('only a-z 0-9 . - (no upper case, no underscore, nothing else)', () => {
    valid('a-b.c-d', '0.0-0');
    invalid('Abc', 'abC', 'ABC', 'a_b', 'a b', 'a/b', 'a+b', 'a:b', 'caf\u00e9', 'a~b', 'a*b', 'abc\n');
  });

  it('begins and ends with a letter or digit', () => {
    valid('0abc', 'abc9', '9a9');
    invalid('-abc', '.abc', 'abc-', 'abc.', '-ab-', '.a.');
  });

  it('no two adjacent periods', () => {
    valid('a.b.c', 'a-.b', 'a.-b', 'a--b');
    invalid('a..b', 'ab..', 'abc..def', 'a...b');
  });

  it('not formatted as an IPv4 address', () => {
    invalid('192.168.5.4', '10.0.0.1', '127.0.0.1', '999.999.999.999', '1.2.3.4');
    valid('192.168.5', '192.168.5.4a', 'a192.168.5.4', '192.168.5.4.5', '1.2.3.4444', '1234.1.1.1');
  });

  it('reserved prefixes: xn--, sthree-, amzn-s3-demo-', () => {
    invalid('xn--abc', 'xn--', 'xn--bcher-kva', 'sthree-abc', 'sthree-configurator', 'amzn-s3-demo-bucket', 'amzn-s3-demo-1');
    valid('xn-abc', 'axn--b', 'sthree', 'sthreeabc', 'my-sthree-bucket', 'amzn-s3-demo', 'amzn-s3-demobucket', 'my-amzn-s3-demo-bucket');
  });

  it('reserved suffixes: -s3alias, --ol-s3, .mrap, --x-s3', () => {
    invalid('abc-s3alias', 'abc--ol-s3', 'abc.mrap', 'abc--x-s3', 'bucket--use1-az4--x-s3');
    valid('abc-s3alia', 'abc-s3aliasx', 'abcs3alias', 'abc-ol-s3', 'abc--ol-s3a', 'abcmrap', 'abc.mrap1', 'abc-mrap', 'abc-x-s3', 'abc--x-s3x');
  });
});
