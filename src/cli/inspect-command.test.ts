import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AKID, SECRET, SIGNED_AT, presigned } from '../diagnostics/inspect/testing/inspect-fixture.ts';
import { inspectCommand } from './inspect-command.ts';
import { captureIo } from './testing/capture-io.ts';

const ANSI = /\u001b\[/;

describe('coffer inspect', () => {
  it('text: decodes a fresh URL, verifies it with --secret, exit 0, no colour off a terminal', async () => {
    const io = captureIo({ now: SIGNED_AT + 60_000 });
    const url = presigned({ region: 'eu-west-1', expiresSeconds: 600 });
    assert.equal(await inspectCommand([url, '--secret', SECRET], io), 0);
    const text = io.out();
    assert.doesNotMatch(text, ANSI);
    for (const line of [
      `GET ${url}`,
      '  presigned URL, Signature Version 4',
      '  host           examplebucket.s3.eu-west-1.amazonaws.com  (Amazon S3, region eu-west-1, virtual-host style, bucket examplebucket, key photos/cat.jpg)',
      '  algorithm      AWS4-HMAC-SHA256',
      `  access key     ${AKID}  (long-term)`,
      '  scope          20240501 / eu-west-1 / s3 / aws4_request',
      '  signed at      2024-05-01T12:00:00Z',
      '  expires        2024-05-01T12:10:00Z, in 9 minutes (X-Amz-Expires 600s = 10 minutes)',
      '  signed headers host',
      '  session token  none (long-term credentials)',
      '✓ Accepted (offline checks, signature verified)',
      'Signature (secret from --secret): matches ✓',
      '  canonical request:',
      '    UNSIGNED-PAYLOAD',
    ]) {
      assert.ok(text.includes(line + '\n'), `missing line ${JSON.stringify(line)} in\n${text}`);
    }
  });

  it('text: an expired URL for the wrong region says what AWS answers first, and why; exit 1', async () => {
    const io = captureIo({ now: SIGNED_AT + 2 * 3600_000 });
    const url = presigned({ region: 'us-east-1', expiresSeconds: 60 }).replace('.s3.us-east-1.', '.s3.eu-west-1.');
    assert.equal(await inspectCommand([url], io), 1);
    const text = io.out();
    assert.match(text, /✗ Refused: AuthorizationQueryParametersError \(400\)\n  Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-west-1'\n  why: Signed for us-east-1, but eu-west-1 is the region the host/);
    assert.match(text, /Findings, in the order AWS checks:\n  ✗ wrong-region: .*\n  ✗ expired: Expired at 2024-05-01T12:01:00Z .*, 1 hour 59 minutes ago\./);
    assert.match(text, /note: No secret for AKIAIOSFODNN7EXAMPLE/);
  });

  it('--json: the inspection as data', async () => {
    const io = captureIo({ now: SIGNED_AT });
    assert.equal(await inspectCommand([presigned({ method: 'PUT' }), '--json', '--secret', SECRET, '--method', 'GET', '--now', '2024-05-01T12:30:00Z'], io), 1);
    const json = JSON.parse(io.out());
    assert.equal(json.now, '2024-05-01T12:30:00Z');
    assert.equal(json.scheme, 'sigv4-query');
    assert.equal(json.accessKeyId, AKID);
    assert.equal(json.secondsUntilExpiry, 1800);
    assert.equal(json.verdict.outcome, 'refused');
    assert.equal(json.verdict.error.code, 'SignatureDoesNotMatch');
    assert.equal(json.signatureCheck.matches, false);
    assert.deepEqual(json.signatureCheck.causes[0], { id: 'method', confirmed: true, message: json.signatureCheck.causes[0].message });
    assert.match(json.signatureCheck.causes[0].message, /signature is for PUT, but the request is a GET/);
  });

  it('colour on a terminal, unless NO_COLOR is set', async () => {
    const tty = captureIo({ now: SIGNED_AT, tty: true });
    await inspectCommand([presigned()], tty);
    assert.match(tty.out(), ANSI);
    const noColor = captureIo({ now: SIGNED_AT, tty: true, env: { NO_COLOR: '1' } });
    await inspectCommand([presigned()], noColor);
    assert.doesNotMatch(noColor.out(), ANSI);
  });

  it('uses the user’s own credentials as the secret only for their own access key', async () => {
    const mine = captureIo({ now: SIGNED_AT, env: { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET } });
    await inspectCommand([presigned()], mine);
    assert.match(mine.out(), /Signature \(secret from environment\): matches ✓/);
    const other = captureIo({ now: SIGNED_AT, env: { AWS_ACCESS_KEY_ID: 'AKIAOTHER', AWS_SECRET_ACCESS_KEY: 'x' } });
    await inspectCommand([presigned()], other);
    assert.match(other.out(), /\? Signature not checked/);
  });

  it('usage errors: exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /nothing to inspect/],
      [[presigned(), '--now', 'yesterday'], /--now: "yesterday" is not an ISO 8601 time/],
      [['s3://b/k'], /an s3:\/\/ URI names an object; `coffer presign` makes a URL for it/],
      [[presigned(), '--endpoint', 'http://127.0.0.1:1'], /cannot reach http:\/\/127\.0\.0\.1:1: no network in this test/],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo({ now: SIGNED_AT });
      assert.equal(await inspectCommand(argv, io), 2, argv.join(' '));
      assert.match(io.err(), message);
    }
  });
});
