import assert from 'node:assert/strict';
import { it } from 'node:test';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { parsePolicyCondition } from './parse-policy-condition.ts';

it('object conditions are exact matches, printed in their eq form', () => {
  assert.deepEqual(parsePolicyCondition({ 'X-Amz-Meta-UUID': '14365123651274' }), {
    kind: 'match',
    operator: 'eq',
    field: 'x-amz-meta-uuid',
    value: '14365123651274',
    text: '["eq", "$X-Amz-Meta-UUID", "14365123651274"]',
  });
  // A number written without quotes is its text.
  assert.equal((parsePolicyCondition({ success_action_status: 201 }) as { value: string }).value, '201');
});

it('operators and field names are case-insensitive; the text keeps what was written', () => {
  assert.deepEqual(parsePolicyCondition(['StArTs-WiTh', '$KeY', 'foo']), {
    kind: 'match',
    operator: 'starts-with',
    field: 'key',
    value: 'foo',
    text: '["StArTs-WiTh", "$KeY", "foo"]',
  });
});

it('content-length-range: integers or digit strings; anything else fails when evaluated', () => {
  assert.deepEqual(parsePolicyCondition(['content-length-range', 1048576, 10485760]), {
    kind: 'content-length-range',
    bounds: { min: 1048576, max: 10485760 },
    text: '["content-length-range", "1048576", "10485760"]',
  });
  assert.deepEqual(parsePolicyCondition(['content-length-range', '0', '10']), { kind: 'content-length-range', bounds: { min: 0, max: 10 }, text: '["content-length-range", "0", "10"]' });
  // AWS-recorded text for non-numeric bounds.
  assert.deepEqual(parsePolicyCondition(['content-length-range', 'test', '10']), {
    kind: 'content-length-range',
    bounds: undefined,
    text: '["content-length-range", "test", "10"]',
  });
  assert.equal((parsePolicyCondition(['content-length-range', 1.5, 10]) as { bounds: unknown }).bounds, undefined);
});

it('values that are neither strings nor conditions are InvalidPolicyDocument', () => {
  for (const raw of ['eq', 5, null, ['eq', '$key', null], ['eq', 'key', 'no dollar'], { key: ['a'] }, []]) {
    assert.throws(
      () => parsePolicyCondition(raw),
      (e: unknown) => e instanceof S3Error && e.code === 'InvalidPolicyDocument' && e.message.startsWith('Invalid Policy: '),
      JSON.stringify(raw),
    );
  }
});
