/**
 * Conditional writes: the request-side rows of ../shared/spec/s3-core.md §3.4. The state-side
 * rows (key exists → 412, absent → 404) are decided by the store in its commit transaction.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { RequestHeaders } from '../s3-request.ts';
import { parseWriteConditions } from './write-conditions.ts';

const parse = (headers: Record<string, string>) => parseWriteConditions(RequestHeaders.fromObject(headers));

function notImplemented(headers: Record<string, string>): S3Error {
  try {
    parse(headers);
  } catch (e) {
    assert.ok(e instanceof S3Error);
    assert.deepEqual(
      { status: e.status, code: e.code, message: e.message },
      { status: 501, code: 'NotImplemented', message: 'A header you provided implies functionality that is not implemented' },
    );
    return e;
  }
  assert.fail(`expected 501 for ${JSON.stringify(headers)}`);
}

describe('parseWriteConditions (§3.4)', () => {
  it('no conditional headers → no conditions', () => {
    assert.equal(parse({}), undefined);
    assert.equal(parse({ 'if-modified-since': 'Thu, 02 Jan 2025 12:00:00 GMT' }), undefined);
  });

  it('If-None-Match: * → write only if no current object', () => {
    assert.deepEqual(parse({ 'If-None-Match': '*' }), { ifNoneMatch: true });
    assert.deepEqual(parse({ 'if-none-match': ' * ' }), { ifNoneMatch: true });
  });

  it('If-Match: <etag>, quotes optional → write only over that ETag (stored unquoted)', () => {
    assert.deepEqual(parse({ 'If-Match': '"9b2cf535f27731c974343645a3985328"' }), { ifMatch: '9b2cf535f27731c974343645a3985328' });
    assert.deepEqual(parse({ 'if-match': '9b2cf535f27731c974343645a3985328' }), { ifMatch: '9b2cf535f27731c974343645a3985328' });
    assert.deepEqual(parse({ 'if-match': '"e747540af6911dbc890f8d3e0b48549b-1"' }), { ifMatch: 'e747540af6911dbc890f8d3e0b48549b-1' });
  });

  it('If-None-Match other than * → 501 NotImplemented, Header If-None-Match', () => {
    for (const value of ['"9b2cf535f27731c974343645a3985328"', 'abc', '', '**']) {
      assert.deepEqual(notImplemented({ 'if-none-match': value }).fields, [
        ['Header', 'If-None-Match'],
        ['additionalMessage', "We don't accept the provided value of If-None-Match header for this API"],
      ], JSON.stringify(value));
    }
  });

  it('If-Match: * → 501 NotImplemented, Header If-Match', () => {
    const fields = notImplemented({ 'if-match': '*' }).fields;
    assert.deepEqual(fields[0], ['Header', 'If-Match']);
    // The spec quotes only the If-None-Match wording of the additional message.
    assert.equal(fields.length, 2);
    assert.equal(fields[1]![0], 'additionalMessage');
    assert.match(fields[1]![1], /^We don't accept the provided value of If-(None-)?Match header for this API$/);
  });

  it('both headers, whatever their values → 501 NotImplemented, Header If-Match,If-None-Match', () => {
    for (const [ifMatch, ifNoneMatch] of [['"abc"', '*'], ['*', '*'], ['abc', 'abc']]) {
      assert.deepEqual(notImplemented({ 'if-match': ifMatch!, 'if-none-match': ifNoneMatch! }).fields, [
        ['Header', 'If-Match,If-None-Match'],
        ['additionalMessage', 'Multiple conditional request headers present in the request'],
      ]);
    }
  });
});
