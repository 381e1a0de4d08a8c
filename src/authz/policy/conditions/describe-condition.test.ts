import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestContext } from '../request-context.ts';
import { compileCondition } from './compile-condition.ts';
import { describeCondition } from './describe-condition.ts';

test('condition outcomes in plain words, with the values compared', () => {
  const rows: Array<[string, string, string[], Record<string, string | string[]>, boolean, string]> = [
    ['NumericGreaterThan', 's3:signatureAge', ['600000'], { 's3:signatureAge': '700000' }, true, 's3:signatureAge 700000 > 600000'],
    ['NumericGreaterThan', 's3:signatureAge', ['600000'], { 's3:signatureAge': '500' }, false, 's3:signatureAge 500 is not > 600000'],
    ['NumericNotEquals', 's3:max-keys', ['10'], { 's3:max-keys': '10' }, false, 's3:max-keys 10 = 10'],
    ['DateLessThan', 'aws:CurrentTime', ['2024-01-01'], { 'aws:CurrentTime': '2024-05-01T00:00:00Z' }, false, 'aws:CurrentTime 2024-05-01T00:00:00Z is not < 2024-01-01'],
    ['Bool', 'aws:SecureTransport', ['false'], { 'aws:SecureTransport': 'false' }, true, "aws:SecureTransport 'false' is 'false'"],
    ['StringNotEquals', 's3:signatureversion', ['AWS4-HMAC-SHA256'], { 's3:signatureversion': 'AWS' }, true, "s3:signatureversion 'AWS' does not equal 'AWS4-HMAC-SHA256'"],
    ['StringNotEquals', 's3:signatureversion', ['AWS4-HMAC-SHA256'], {}, true, 's3:signatureversion is absent (StringNotEquals holds without it)'],
    ['StringLike', 's3:prefix', ['a/*', 'b/*'], {}, false, 's3:prefix is absent (StringLike fails without it)'],
    ['StringLike', 's3:prefix', ['a/*', 'b/*'], { 's3:prefix': 'c/' }, false, "s3:prefix 'c/' does not match any of ['a/*', 'b/*']"],
    ['IpAddress', 'aws:SourceIp', ['203.0.113.0/24'], { 'aws:SourceIp': '198.51.100.1' }, false, "aws:SourceIp '198.51.100.1' is not in '203.0.113.0/24'"],
    ['Null', 'aws:TokenIssueTime', ['true'], {}, true, "aws:TokenIssueTime is absent (Null 'true')"],
    ['ForAllValues:StringEquals', 'aws:TagKeys', ['a'], { 'aws:TagKeys': ['a', 'b'] }, false, "ForAllValues:StringEquals aws:TagKeys ['a', 'b'] vs 'a': fails"],
  ];
  for (const [operator, key, values, entries, held, text] of rows) {
    const c = compileCondition({ operator, key, values }, { dialect: 'bucket', variables: true });
    const o = describeCondition(c, RequestContext.from(entries));
    assert.deepEqual([o.held, o.text], [held, text], `${operator} ${key}`);
    assert.deepEqual(o.policyValues, values);
  }
});
