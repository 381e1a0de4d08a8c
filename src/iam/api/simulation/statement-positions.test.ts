import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AmazonS3ReadOnlyAccess } from '../../../authz/policy/managed/amazon-s3-read-only-access.ts';
import { statementPositions } from './statement-positions.ts';

describe('statementPositions', () => {
  it('finds each statement of an array, 1-based, start at { and end at }', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},\n  {"Effect":"Deny","Action":"s3:Put*","Resource":"*"}]}';
    assert.deepEqual(statementPositions(text), [
      { start: { line: 1, column: 38 }, end: { line: 1, column: 86 } },
      { start: { line: 2, column: 3 }, end: { line: 2, column: 53 } },
    ]);
    const [one, two] = text.split('\n') as [string, string];
    assert.deepEqual([one[37], one[85], two[2], two[52]], ['{', '}', '{', '}']);
  });

  it('a lone statement object, after other members holding braces and quotes in strings', () => {
    const text = '{\n  "Id": "a } \\" [",\n  "Statement": {\n    "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"\n  }\n}';
    assert.deepEqual(statementPositions(text), [{ start: { line: 3, column: 16 }, end: { line: 5, column: 3 } }]);
  });

  it('the pretty-printed AmazonS3ReadOnlyAccess', () => {
    assert.deepEqual(statementPositions(AmazonS3ReadOnlyAccess.document), [{ start: { line: 4, column: 5 }, end: { line: 14, column: 5 } }]);
  });

  it('undefined when there is no Statement to find', () => {
    assert.equal(statementPositions('[]'), undefined);
    assert.equal(statementPositions('{"Version":"2012-10-17"}'), undefined);
    assert.equal(statementPositions('{"Statement":[{"Effect":"Allow"'), undefined);
  });
});
