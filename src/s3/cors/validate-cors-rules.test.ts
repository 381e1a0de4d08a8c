/**
 * S3's checks on a schema-valid CORS configuration (../shared/spec/s3-core.md §10.1).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import type { UncheckedCorsRule } from './parse-cors-configuration.ts';
import { validateCorsRules } from './validate-cors-rules.ts';

const r = (parts: Partial<UncheckedCorsRule>): UncheckedCorsRule => ({
  allowedHeaders: [],
  allowedMethods: ['GET'],
  allowedOrigins: ['*'],
  exposeHeaders: [],
  ...parts,
});

function refusal(rules: UncheckedCorsRule[]): { code: string; status: number; message: string } {
  try {
    validateCorsRules(rules);
  } catch (e) {
    assert.ok(e instanceof S3Error);
    return { code: e.code, status: e.status, message: e.message };
  }
  assert.fail('expected a refusal');
}

describe('validateCorsRules', () => {
  it('accepts every allowed method, one wildcard per origin and header, and 100 rules', () => {
    const rules = [r({ allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], allowedOrigins: ['http://*.a.test', '*'], allowedHeaders: ['x-amz-*', '*'], exposeHeaders: ['*x*y*'] })];
    assert.deepEqual(validateCorsRules(rules), rules);
    assert.equal(validateCorsRules(Array.from({ length: 100 }, () => r({}))).length, 100);
  });

  const REFUSED: Array<[name: string, rules: UncheckedCorsRule[], code: string, message: string]> = [
    ['an unsupported method', [r({ allowedMethods: ['GET', 'MYMETHOD'] })], 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is MYMETHOD'],
    ['OPTIONS', [r({ allowedMethods: ['OPTIONS'] })], 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is OPTIONS'],
    ['PATCH', [r({ allowedMethods: ['PATCH'] })], 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is PATCH'],
    ['a lower-case method', [r({ allowedMethods: ['get'] })], 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is get'],
    ['the first bad method is named', [r({}), r({ allowedMethods: ['PUT', 'COPY', 'MOVE'] })], 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is COPY'],
    ['two wildcards in an AllowedOrigin', [r({ allowedOrigins: ['http://*.*.example.com'] })], 'InvalidRequest', 'AllowedOrigin "http://*.*.example.com" can not have more than one wildcard.'],
    ['`**` as AllowedOrigin', [r({ allowedOrigins: ['**'] })], 'InvalidRequest', 'AllowedOrigin "**" can not have more than one wildcard.'],
    ['two wildcards in an AllowedHeader', [r({ allowedHeaders: ['x-*-*'] })], 'InvalidRequest', 'AllowedHeader "x-*-*" can not have more than one wildcard.'],
    ['101 rules', Array.from({ length: 101 }, () => r({})), 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'],
  ];
  for (const [name, rules, code, message] of REFUSED) {
    it(`refuses ${name}`, () => {
      assert.deepEqual(refusal(rules), { code, status: 400, message });
    });
  }
});
