import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChunkHeader } from './chunk-header.ts';
import { storedContentEncoding } from './stored-content-encoding.ts';

const parse = (text: string) => {
  const line = Buffer.from('##' + text + '##');
  return parseChunkHeader(line, 2, line.length - 2);
};

describe('parseChunkHeader', () => {
  it('sizes and signatures (sigv4.md §5.2)', () => {
    const sig = 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648';
    assert.deepEqual(parse(`10000;chunk-signature=${sig}`), { size: 65536, signature: sig });
    assert.deepEqual(parse('400'), { size: 1024, signature: undefined });
    assert.deepEqual(parse('0'), { size: 0, signature: undefined });
    assert.deepEqual(parse('00FF'), { size: 255, signature: undefined });
  });

  it('other extensions are ignored, blanks tolerated', () => {
    assert.deepEqual(parse('a;foo=bar;chunk-signature=abc;x'), { size: 10, signature: 'abc' });
    assert.deepEqual(parse('a ; chunk-signature = abc '), { size: 10, signature: 'abc' });
    assert.deepEqual(parse('a;chunk-signaturex=abc'), { size: 10, signature: undefined });
  });

  it('refuses what is not a chunk header', () => {
    for (const bad of ['', ';chunk-signature=a', 'g', '10 20', '10x', 'f'.repeat(14)]) assert.equal(parse(bad), undefined, bad);
  });
});

describe('storedContentEncoding', () => {
  it('drops aws-chunked (sigv4.md §5.1)', () => {
    assert.equal(storedContentEncoding(undefined), undefined);
    assert.equal(storedContentEncoding('aws-chunked'), undefined);
    assert.equal(storedContentEncoding('aws-chunked,gzip'), 'gzip');
    assert.equal(storedContentEncoding('gzip, aws-chunked'), 'gzip');
    assert.equal(storedContentEncoding('aws-chunked, aws-chunked'), undefined);
    assert.equal(storedContentEncoding('gzip, br'), 'gzip, br');
  });
});
