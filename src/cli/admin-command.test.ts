import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminCommand } from './admin-command.ts';
import { captureIo } from './testing/capture-io.ts';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAROOT', AWS_SECRET_ACCESS_KEY: 'secret' };

function answering(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('coffer admin clock', () => {
  it('shows the clock (signed GET) and moves it (signed PUT with the offset)', async () => {
    const get = answering(200, { now: '2024-05-01T12:20:00Z', offsetMs: 1_200_000, offset: '+20m' });
    const io = captureIo({ env: { ...KEYS, AWS_ENDPOINT_URL: 'http://127.0.0.1:9000' }, fetch: get.fetch, now: 0 });
    assert.equal(await adminCommand(['clock'], io), 0);
    assert.equal(io.out(), 'server clock: 2024-05-01T12:20:00Z (offset +20m: 20 minutes ahead of real time)\n');
    assert.equal(get.calls[0]!.url, 'http://127.0.0.1:9000/.coffer/clock');
    assert.equal(get.calls[0]!.init.method, 'GET');
    assert.match((get.calls[0]!.init.headers as Record<string, string>).authorization!, /^AWS4-HMAC-SHA256 Credential=AKIAROOT\//);

    const put = answering(200, { now: '2024-05-01T12:00:00Z', offsetMs: 0, offset: '0' });
    const reset = captureIo({ env: KEYS, fetch: put.fetch, now: 0 });
    assert.equal(await adminCommand(['clock', '--reset', '--endpoint', 'http://h:1', '--json'], reset), 0);
    assert.deepEqual(JSON.parse(reset.out()), { now: '2024-05-01T12:00:00Z', offsetMs: 0, offset: '0' });
    assert.equal(put.calls[0]!.init.method, 'PUT');
    assert.equal(put.calls[0]!.init.body, '{"offset":"0"}');
  });

  it('the server’s refusal is shown, exit 1', async () => {
    const denied = answering(403, { error: { status: 403, code: 'AccessDenied', message: 'Only an account root may read or move the server clock' } });
    const io = captureIo({ env: KEYS, fetch: denied.fetch });
    assert.equal(await adminCommand(['clock', '--offset', '-1h', '--endpoint', 'http://h:1'], io), 1);
    assert.match(io.err(), /http:\/\/h:1 answered 403 AccessDenied: Only an account root may read or move the server clock/);
  });

  it('usage errors: exit 2', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['clock'], KEYS, /which server\? give --endpoint \(or set AWS_ENDPOINT_URL\)/],
      [['clock', '--endpoint', 'http://h'], {}, /no credentials: the clock is an account root's/],
      [['clock', '--offset', 'later', '--endpoint', 'http://h'], KEYS, /--offset: "later" is not a duration/],
      [['clock', '--offset', '1m', '--reset'], KEYS, /give --offset or --reset, not both/],
      [['time'], KEYS, /unknown subcommand "time"/],
    ];
    for (const [argv, env, message] of cases) {
      const io = captureIo({ env });
      assert.equal(await adminCommand(argv, io), 2, argv.join(' '));
      assert.match(io.err(), message);
    }
  });
});
