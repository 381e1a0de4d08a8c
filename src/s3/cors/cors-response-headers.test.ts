/**
 * The Access-Control-* headers of a matching rule (../shared/spec/s3-core.md §10.3).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corsResponseHeaders } from './cors-response-headers.ts';
import { rule } from './testing/cors-fixtures.ts';

const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';

describe('corsResponseHeaders', () => {
  it('a named origin: echoed, with credentials; every list joined with ", "', () => {
    const r = rule({
      allowedOrigins: ['https://*.example.com'],
      allowedMethods: ['GET', 'PUT'],
      allowedHeaders: ['*'],
      exposeHeaders: ['ETag', 'x-amz-request-id'],
      maxAgeSeconds: 3000,
    });
    assert.deepEqual(corsResponseHeaders(r, { origin: 'https://app.example.com', requestHeaders: ['content-type', 'x-amz-date'] }), {
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'content-type, x-amz-date',
      'access-control-expose-headers': 'ETag, x-amz-request-id',
      'access-control-max-age': '3000',
      vary: VARY,
    });
  });

  it('a rule allowing `*`: Allow-Origin `*` and no Allow-Credentials, even next to named origins', () => {
    const r = rule({ allowedOrigins: ['https://a.test', '*'], allowedMethods: ['GET'] });
    assert.deepEqual(corsResponseHeaders(r, { origin: 'https://a.test', requestHeaders: [] }), {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET',
      vary: VARY,
    });
  });

  it('no requested headers, no ExposeHeader, no MaxAgeSeconds: those headers are absent', () => {
    const headers = corsResponseHeaders(rule({ allowedOrigins: ['https://a.test'], allowedMethods: ['HEAD'] }), { origin: 'https://a.test', requestHeaders: [] });
    assert.deepEqual(Object.keys(headers).sort(), ['access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-origin', 'vary']);
  });

  it('MaxAgeSeconds 0 is sent', () => {
    const headers = corsResponseHeaders(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'], maxAgeSeconds: 0 }), { origin: 'https://a.test', requestHeaders: [] });
    assert.equal(headers['access-control-max-age'], '0');
  });
});
