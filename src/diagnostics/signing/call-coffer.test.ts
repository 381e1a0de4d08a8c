import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CofferCallError, callCoffer } from './call-coffer.ts';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

/** A fetch that answers from a list and records what it was sent. */
function fakeFetch(answers: Array<{ status: number; body: unknown; date?: string }>) {
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const a = answers.shift()!;
    return new Response(typeof a.body === 'string' ? a.body : JSON.stringify(a.body), { status: a.status, headers: a.date ? { date: a.date } : {} });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

test('callCoffer: signs, and re-signs once with the server time after RequestTimeTooSkewed', async () => {
  const { fetch, sent } = fakeFetch([
    { status: 403, body: { error: { code: 'RequestTimeTooSkewed' } }, date: 'Sat, 02 Jan 2038 00:20:00 GMT' },
    { status: 200, body: { now: 'x' } },
  ]);
  const answer = await callCoffer({ endpoint: 'http://127.0.0.1:9000', path: '/.coffer/clock', method: 'GET', credentials, region: 'us-east-1', now: Date.UTC(2038, 0, 2), fetch });
  assert.deepEqual(answer, { status: 200, body: { now: 'x' } });
  const dates = sent.map((s) => (s.init.headers as Record<string, string>)['x-amz-date']);
  assert.deepEqual(dates, ['20380102T000000Z', '20380102T002000Z']);
  assert.equal(sent[0]!.url, 'http://127.0.0.1:9000/.coffer/clock');
});

test('callCoffer: re-signs for the region the server names', async () => {
  const { fetch, sent } = fakeFetch([
    { status: 400, body: { error: { code: 'AuthorizationHeaderMalformed', fields: { Region: 'eu-west-1' } } } },
    { status: 200, body: {} },
  ]);
  await callCoffer({ endpoint: 'http://h', path: '/.coffer/clock', method: 'PUT', body: { offset: '0' }, credentials, region: 'us-east-1', now: 0, fetch });
  assert.match((sent[1]!.init.headers as Record<string, string>).authorization!, /\/eu-west-1\/s3\//);
  assert.equal(sent[1]!.init.body, '{"offset":"0"}');
});

test('callCoffer: unsigned without credentials; clear errors for non-JSON answers and unreachable servers', async () => {
  const { fetch, sent } = fakeFetch([{ status: 200, body: {} }, { status: 404, body: '<html>nope</html>' }]);
  await callCoffer({ endpoint: 'http://h', path: '/.coffer/inspect', method: 'POST', body: { url: 'x' }, region: 'us-east-1', now: 0, fetch });
  assert.equal((sent[0]!.init.headers as Record<string, string>).authorization, undefined);
  await assert.rejects(callCoffer({ endpoint: 'http://h', path: '/.coffer/inspect', method: 'POST', region: 'us-east-1', now: 0, fetch }), /answered 404 without JSON: is it a Coffer server/);
  const down = (async () => {
    throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
  }) as unknown as typeof globalThis.fetch;
  await assert.rejects(callCoffer({ endpoint: 'http://127.0.0.1:1', path: '/.coffer/clock', method: 'GET', region: 'us-east-1', now: 0, fetch: down }), (e: Error) => e instanceof CofferCallError && /cannot reach http:\/\/127\.0\.0\.1:1: connect ECONNREFUSED/.test(e.message));
});
