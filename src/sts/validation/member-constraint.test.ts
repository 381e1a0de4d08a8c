import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { integerViolations, stringViolations } from './member-constraint.ts';
import { ARN_PATTERN, ROLE_SESSION_NAME_PATTERN } from './sts-patterns.ts';
import { parseIntegerParameter } from './parse-integer-parameter.ts';

const ROLE_ARN = { member: 'roleArn', required: true, minLength: 20, maxLength: 2048, pattern: ARN_PATTERN };

describe('the validation grammar (sts-iam.md §1.2)', () => {
  it('null for a missing required member', () => {
    assert.deepEqual(stringViolations(undefined, ROLE_ARN), ["Value null at 'roleArn' failed to satisfy constraint: Member must not be null"]);
  });

  it('pattern before length, with the pattern printed as AWS prints it', () => {
    assert.deepEqual(stringViolations('', ROLE_ARN), [
      "Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+",
      "Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    ]);
  });

  it('counts code points: 2048 × é passes, 1025 × e + U+0301 (2050 code points) fails', () => {
    assert.deepEqual(stringViolations('é'.repeat(2048), ROLE_ARN), []);
    const combining = 'e\u0301'.repeat(1025);
    assert.deepEqual(stringViolations(combining, ROLE_ARN), [
      `Value '${combining}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    ]);
  });

  it("a character outside the BMP fails roleArn's pattern", () => {
    const value = 'arn:aws:iam::111122223333:role/😀';
    assert.match(stringViolations(value, ROLE_ARN)[0]!, /Member must satisfy regular expression pattern/);
  });

  it('roleSessionName: [\\w+=,.@-]*, 2–64', () => {
    const c = { member: 'roleSessionName', required: true, minLength: 2, maxLength: 64, pattern: ROLE_SESSION_NAME_PATTERN };
    assert.deepEqual(stringViolations('a-b_c=d,e.f@g+h', c), []);
    assert.deepEqual(stringViolations('has space', c), [
      "Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    ]);
    assert.deepEqual(stringViolations('x', c), ["Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"]);
  });

  it('integer bounds', () => {
    const c = { member: 'durationSeconds', min: 900, max: 43200 };
    assert.deepEqual(integerViolations(899, c), ["Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"]);
    assert.deepEqual(integerViolations(-1, c), ["Value '-1' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"]);
    assert.deepEqual(integerViolations(2147483647, c), [
      "Value '2147483647' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    ]);
    assert.deepEqual(integerViolations(undefined, c), []);
  });
});

describe('parseIntegerParameter (sts-iam.md §1)', () => {
  it('accepts +900 and 0900 as 900', () => {
    assert.equal(parseIntegerParameter('+900'), 900);
    assert.equal(parseIntegerParameter('0900'), 900);
    assert.equal(parseIntegerParameter('-2147483648'), -2147483648);
    assert.equal(parseIntegerParameter(undefined), undefined);
  });

  it('empty → MalformedInput "missing value for decimal type"', () => {
    assert.throws(() => parseIntegerParameter(''), { status: 400, code: 'MalformedInput', message: 'missing value for decimal type' });
  });

  it('abc, 900.0, out of the signed 32-bit range → MalformedInput', () => {
    for (const raw of ['abc', '900.0', '2147483648', '-2147483649', ' 900']) {
      assert.throws(() => parseIntegerParameter(raw), { status: 400, code: 'MalformedInput' }, raw);
    }
  });
});
