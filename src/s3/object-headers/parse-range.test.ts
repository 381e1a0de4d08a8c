/**
 * The Range header of GetObject: every row of ../shared/spec/s3-core.md §4.2 (a 10-byte
 * object), plus 0-byte objects.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { parseRange } from './parse-range.ts';

function invalidRange(header: string, size: number) {
  assert.throws(
    () => parseRange(header, size),
    (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.deepEqual(
        { status: e.status, code: e.code, message: e.message, fields: e.fields },
        {
          status: 416, code: 'InvalidRange', message: 'The requested range is not satisfiable',
          fields: [['ActualObjectSize', String(size)], ['RangeRequested', header]],
        },
      );
      return true;
    },
    `${header} on ${size} bytes`,
  );
}

describe('parseRange on a 10-byte object (§4.2)', () => {
  // 206 with Content-Range bytes <start>-<end>/10
  const satisfiable: Array<[string, number, number]> = [
    ['bytes=0-8', 0, 8],
    ['bytes=1-', 1, 9],
    ['bytes=-2', 8, 9],
    ['bytes=-15', 0, 9], // clamped
    ['bytes=0-100', 0, 9], // clamped
    ['bytes=9-9', 9, 9],
    ['bytes=0-0', 0, 0],
    ['bytes=-10', 0, 9],
    ['bytes=9-', 9, 9],
    ['bytes=3-3', 3, 3],
  ];
  for (const [header, start, end] of satisfiable) {
    it(`${header} → bytes ${start}-${end}/10`, () => {
      assert.deepEqual(parseRange(header, 10), { start, end });
    });
  }

  // 200: the header is ignored and the whole object served (never multipart/byteranges).
  for (const header of ['bytes=1-0', 'bytes=0--1', 'bytes=-1-', 'bytes=-', '0-1', 'bytes=0-1,3-4,7-9', 'bytes=a-b', 'items=0-1', '']) {
    it(`${JSON.stringify(header)} → ignored`, () => {
      assert.equal(parseRange(header, 10), undefined);
    });
  }

  // 416 InvalidRange with ActualObjectSize and RangeRequested.
  for (const header of ['bytes=100-200', 'bytes=-0', 'bytes=10-', 'bytes=10-20']) {
    it(`${header} → 416 InvalidRange`, () => invalidRange(header, 10));
  }

  it('no header → whole object', () => {
    assert.equal(parseRange(undefined, 10), undefined);
  });
});

describe('parseRange on a 0-byte object', () => {
  it('any start → 416 InvalidRange with ActualObjectSize 0', () => {
    for (const header of ['bytes=0-', 'bytes=0-0', 'bytes=0-100', 'bytes=1-2']) invalidRange(header, 0);
  });

  it('a suffix range → 416 as well (unconfirmed on AWS, §11)', () => {
    invalidRange('bytes=-1', 0);
    invalidRange('bytes=-0', 0);
  });

  it('a header S3 ignores is still ignored', () => {
    for (const header of ['bytes=-', '0-1', 'bytes=0-1,3-4']) assert.equal(parseRange(header, 0), undefined, header);
  });
});

describe('parseRange on larger objects', () => {
  it('keeps offsets beyond 2^32 exact', () => {
    const size = 6 * 1024 ** 3;
    assert.deepEqual(parseRange('bytes=5368709120-', size), { start: 5368709120, end: size - 1 });
    assert.deepEqual(parseRange('bytes=-1', size), { start: size - 1, end: size - 1 });
  });
});
