import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { decodePostPolicy } from './decode-post-policy.ts';
import { V2_EXAMPLE, V4_EXAMPLE, encodePolicy } from './testing/post-fixture.ts';

function invalid(field: string, message: string): void {
  assert.throws(
    () => decodePostPolicy(field),
    (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.equal(e.code, 'InvalidPolicyDocument');
      assert.equal(e.status, 400);
      assert.equal(e.message, message);
      return true;
    },
  );
}

describe('decodePostPolicy', () => {
  it("decodes AWS's V4 example (CRLF, a space before a closing brace)", () => {
    const policy = decodePostPolicy(V4_EXAMPLE.policy);
    assert.equal(policy.expiration, Date.UTC(2015, 11, 30, 12));
    assert.deepEqual(policy.conditions[0], { kind: 'match', operator: 'eq', field: 'bucket', value: 'sigv4examplebucket', text: '["eq", "$bucket", "sigv4examplebucket"]' });
    assert.deepEqual(policy.conditions[4], { kind: 'match', operator: 'starts-with', field: 'content-type', value: 'image/', text: '["starts-with", "$Content-Type", "image/"]' });
  });

  it("decodes AWS's V2 example", () => {
    assert.equal(decodePostPolicy(V2_EXAMPLE.policy).conditions.length, 7);
  });

  it('accepts an expiration without fraction, and MIME-wrapped base64', () => {
    const field = encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: [] });
    assert.equal(decodePostPolicy(field.replace(/(.{20})/g, '$1\r\n')).expiration, Date.UTC(2030, 0, 1));
  });

  it('understands the escapes AWS allows: \\$, \\v, and JSON\'s own', () => {
    const field = encodePolicy('{"expiration": "2030-01-01T00:00:00Z", "conditions": [["starts-with", "$key", "\\$a\\\\$b\\v\\u0041"]]}');
    const [condition] = decodePostPolicy(field).conditions;
    assert.equal(condition?.kind === 'match' && condition.value, '$a\\$b\u000bA');
  });

  it('each problem with its message', () => {
    invalid('not base64!', 'Invalid Policy: invalid Base64 encoding.');
    invalid('abc', 'Invalid Policy: invalid Base64 encoding.');
    invalid('', 'Invalid Policy: invalid Base64 encoding.');
    invalid(encodePolicy('{"expiration": '), 'Invalid Policy: Invalid JSON.');
    invalid(encodePolicy('[1, 2]'), 'Invalid Policy: Invalid JSON.');
    invalid(Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), 'Invalid Policy: Invalid JSON.');
    invalid(encodePolicy({ conditions: [] }), 'Invalid Policy: Policy missing expiration.');
    invalid(encodePolicy({ EXPIRATION: '2030-01-01T00:00:00Z', conditions: [] }), 'Invalid Policy: Policy missing expiration.');
    invalid(encodePolicy({ expiration: '2016-04-28T23:31:36.798044', conditions: [] }), "Invalid Policy: Invalid 'expiration' value: '2016-04-28T23:31:36.798044'");
    invalid(encodePolicy({ expiration: '2016-04-28 23:31:36', conditions: [] }), "Invalid Policy: Invalid 'expiration' value: '2016-04-28 23:31:36'");
    invalid(encodePolicy({ expiration: 12, conditions: [] }), "Invalid Policy: Invalid 'expiration' value: '12'");
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z' }), 'Invalid Policy: Policy missing conditions.');
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', CONDITIONS: [] }), 'Invalid Policy: Policy missing conditions.');
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: {} }), "Invalid Policy: Invalid 'conditions' value: must be a List.");
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: [{}] }), 'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.');
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: [{ a: '1', b: '2' }] }), 'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.');
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: [['xyz', '$a', 'b']] }), "Invalid Policy: Invalid Condition: unknown operation 'xyz'.");
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: [['starts-with', '$key']] }), 'Invalid Policy: Invalid starts-with: wrong number of arguments.');
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: [['eq', '$key', 'a', 'b']] }), 'Invalid Policy: Invalid eq: wrong number of arguments.');
    invalid(encodePolicy({ expiration: '2030-01-01T00:00:00Z', conditions: [['content-length-range', 0]] }), 'Invalid Policy: Invalid content-length-range: wrong number of arguments.');
  });
});
