/**
 * Rule matching (../shared/spec/s3-core.md §10.2 step 4): origin (exact, `*`, one-`*` glob;
 * case-sensitive), method (case-sensitive), every requested header (case-insensitive, globs);
 * the first matching rule in order wins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CorsRule } from '../../storage/types.ts';
import { findCorsRule, type CorsRequest } from './find-cors-rule.ts';
import { rule } from './testing/cors-fixtures.ts';

const RULES: CorsRule[] = [
  rule({ id: 'exact', allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['Content-Type', 'X-Amz-*'] }),
  rule({ id: 'glob', allowedOrigins: ['http://*.origin.com'], allowedMethods: ['GET'], allowedHeaders: ['*'] }),
  rule({ id: 'any', allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'] }),
  rule({ id: 'two-origins', allowedOrigins: ['https://a.test', 'https://b.test'], allowedMethods: ['DELETE'], allowedHeaders: ['authorization'] }),
];

const req = (origin: string, method: string, requestHeaders: string[] = []): CorsRequest => ({ origin, method, requestHeaders });

const CASES: Array<[name: string, request: CorsRequest, ruleId: string | undefined]> = [
  ['exact origin and method', req('https://app.example.com', 'PUT'), 'exact'],
  ['exact origin, second method', req('https://app.example.com', 'POST'), 'exact'],
  ['exact origin, header named in another case', req('https://app.example.com', 'PUT', ['content-type']), 'exact'],
  ['exact origin, headers through the x-amz-* glob', req('https://app.example.com', 'PUT', ['x-amz-date', 'x-amz-content-sha256']), 'exact'],
  ['a header no AllowedHeader matches skips the rule (and no later rule allows PUT)', req('https://app.example.com', 'PUT', ['content-type', 'x-custom']), undefined],
  ['method not allowed by the exact rule falls through to `*`', req('https://app.example.com', 'GET'), 'any'],
  ['origin with a trailing slash is another origin', req('https://app.example.com/', 'PUT'), undefined],
  ['origins compare case-sensitively', req('HTTPS://APP.EXAMPLE.COM', 'PUT'), undefined],
  ['methods compare case-sensitively', req('https://app.example.com', 'put'), undefined],
  ['glob origin', req('http://test.origin.com', 'GET', ['anything', 'x-amz-date']), 'glob'],
  ['glob origin, trailing slash: the `*` rule still allows GET without headers', req('http://test.origin.com/', 'GET'), 'any'],
  ['glob origin, trailing slash, with headers: the `*` rule has no AllowedHeader', req('http://test.origin.com/', 'GET', ['x-amz-date']), undefined],
  ['`*` origin allows HEAD from anywhere', req('null', 'HEAD'), 'any'],
  ['`*` origin: requested headers need an AllowedHeader', req('https://x.test', 'HEAD', ['range']), undefined],
  ['second of two origins', req('https://b.test', 'DELETE', ['Authorization'.toLowerCase()]), 'two-origins'],
  ['no rule allows POST from elsewhere', req('https://c.test', 'POST'), undefined],
  ['OPTIONS is never an allowed method', req('https://app.example.com', 'OPTIONS'), undefined],
];

describe('findCorsRule', () => {
  for (const [name, request, ruleId] of CASES) {
    it(name, () => {
      assert.equal(findCorsRule(RULES, request)?.id, ruleId);
    });
  }

  it('no rules, no match', () => {
    assert.equal(findCorsRule([], req('https://a.test', 'GET')), undefined);
  });

  it('the first matching rule wins, whatever follows', () => {
    const rules = [rule({ id: 'first', allowedOrigins: ['*'], allowedMethods: ['GET'] }), rule({ id: 'second', allowedOrigins: ['https://a.test'], allowedMethods: ['GET'] })];
    assert.equal(findCorsRule(rules, req('https://a.test', 'GET'))?.id, 'first');
  });

  it('a `*` AllowedHeader allows any requested header', () => {
    const rules = [rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'], allowedHeaders: ['*'] })];
    assert.ok(findCorsRule(rules, req('https://a.test', 'PUT', ['content-type', 'x-amz-checksum-crc32', 'amz-sdk-request'])));
  });
});
