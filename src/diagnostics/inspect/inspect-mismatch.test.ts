/**
 * SignatureDoesNotMatch, explained: each usual cause is reproduced (a request signed one way and
 * sent another) and must come back as a confirmed cause; what cannot be reproduced is named as a
 * suspect, and a wrong secret is what is left when nothing else explains the mismatch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { genericCanonicalUri } from '../../auth/sigv4/generic-canonical-uri.ts';
import type { Inspection } from './inspection.ts';
import { headerSigned, inspect, presigned } from './testing/inspect-fixture.ts';

function confirmed(i: Inspection): string[] {
  assert.equal(i.verdict.outcome === 'refused' && i.verdict.error.code, 'SignatureDoesNotMatch');
  assert.equal(i.signatureCheck?.matches, false);
  return i.signatureCheck!.causes.filter((c) => c.confirmed).map((c) => c.id);
}

describe('inspect: why a signature does not match', () => {
  it('method: a URL presigned for PUT, sent as GET', async () => {
    const i = await inspect([presigned({ method: 'PUT' })], { method: 'GET' });
    assert.deepEqual(confirmed(i), ['method']);
    assert.match(i.signatureCheck!.causes[0]!.message, /The signature is for PUT, but the request is a GET/);
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.explanation, i.signatureCheck!.causes[0]!.message);
  });

  it('host: a proxy in front rewrote the Host (signed for the --endpoint host)', async () => {
    const url = presigned({ endpoint: 'http://127.0.0.1:9000' });
    const i = await inspect([url, 'Host: coffer.internal:8080'], { alternativeHosts: ['127.0.0.1:9000'] });
    assert.deepEqual(confirmed(i), ['host']);
    assert.match(i.signatureCheck!.causes[0]!.message, /The signature is for the host "127\.0\.0\.1:9000", but the request reaches the server with "coffer\.internal:8080"/);
    assert.match(i.signatureCheck!.canonicalRequest!, /\nhost:coffer\.internal:8080\n/);
  });

  it('host: the port was added or dropped on the way, or the AWS endpoint name changed', async () => {
    const url = presigned({ region: 'eu-west-1' });
    assert.deepEqual(confirmed(await inspect([url, 'Host: examplebucket.s3.eu-west-1.amazonaws.com:443'])), ['host']);
    assert.deepEqual(confirmed(await inspect([url.replace('.s3.eu-west-1.', '.s3-eu-west-1.')])), ['host']);
  });

  it('host: signed path-style, sent virtual-hosted', async () => {
    const url = presigned({ pathStyle: true, region: 'eu-west-1' }).replace('https://s3.eu-west-1.amazonaws.com/examplebucket/', 'https://examplebucket.s3.eu-west-1.amazonaws.com/');
    const i = await inspect([url]);
    assert.deepEqual(confirmed(i), ['host']);
    assert.match(i.signatureCheck!.causes[0]!.message, /path-style URL \(s3\.eu-west-1\.amazonaws\.com\/examplebucket\/photos\/cat\.jpg\)/);
  });

  it('path encoding: a generic SigV4 signer encoded the path twice', async () => {
    const sent = '/photos/a%20b%24.jpg';
    const url = presigned({ key: 'photos/a b$.jpg', signedPath: genericCanonicalUri(sent, { normalize: false }) });
    assert.ok(url.includes(sent));
    const i = await inspect([url]);
    assert.deepEqual(confirmed(i), ['path-encoding']);
    assert.match(i.signatureCheck!.causes[0]!.message, /encoded the \(already encoded\) path a second time/);
  });

  it('path encoding: the URL was encoded again after signing (%2520 on the wire)', async () => {
    const url = presigned({ key: 'a b.jpg' }).replace('/a%20b.jpg', '/a%2520b.jpg');
    const i = await inspect([url]);
    assert.deepEqual(confirmed(i), ['path-encoding']);
    assert.match(i.signatureCheck!.causes[0]!.message, /encoded twice after signing/);
  });

  it('path encoding: "+" signed as a space', async () => {
    const url = presigned({ key: 'a b', signedPath: '/a%20b' }).replace('/a%20b', '/a+b');
    assert.deepEqual(confirmed(await inspect([url])), ['path-encoding']);
  });

  it('query: a parameter added after signing', async () => {
    const url = presigned() + '&response-content-disposition=attachment';
    const i = await inspect([url]);
    assert.deepEqual(confirmed(i), ['query-changed']);
    assert.match(i.signatureCheck!.causes[0]!.message, /"response-content-disposition" was added after signing/);
  });

  it('a header sent but not signed that still changes what is verified: x-amz-content-sha256 on a presigned URL', async () => {
    const i = await inspect([presigned({ method: 'PUT' })], { method: 'PUT', headers: ['x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'] });
    assert.deepEqual(confirmed(i), ['unsigned-header-in-signature']);
    assert.match(i.signatureCheck!.causes[0]!.message, /replaces UNSIGNED-PAYLOAD/);
  });

  it('a signed header that is not sent (header form): a suspect, with the wrong secret last', async () => {
    const args = headerSigned({ method: 'PUT', url: 'https://examplebucket.s3.us-east-1.amazonaws.com/k', headers: { 'content-type': 'text/plain' }, body: 'x' });
    const i = await inspect(args.filter((a) => !a.startsWith('content-type:')), { method: 'PUT' });
    assert.deepEqual(confirmed(i), []);
    assert.deepEqual(i.signatureCheck!.causes.map((c) => c.id), ['signed-header-missing', 'signed-header-values', 'host', 'wrong-secret']);
    assert.match(i.signatureCheck!.causes[0]!.message, /Signed but not sent: content-type\./);
  });

  it('wrong secret: nothing else reproduces the signature', async () => {
    const i = await inspect([presigned()], { secret: 'not-the-secret-at-all' });
    assert.deepEqual(confirmed(i), []);
    const last = i.signatureCheck!.causes.at(-1)!;
    assert.equal(last.id, 'wrong-secret');
    assert.match(last.message, /most likely AKIAIOSFODNN7EXAMPLE was signed with a different secret than the one given \(--secret\)/);
    assert.notEqual(i.signatureCheck!.computed, i.signatureCheck!.provided);
  });

  it('a signature that cannot be compared says what blocks it', async () => {
    const i = await inspect([presigned()], { headers: ['x-amz-meta-a: b'] });
    assert.equal(i.signatureCheck?.blockedBy?.code, 'AccessDenied');
    assert.deepEqual(i.signatureCheck?.blockedBy?.fields, { HeadersNotSigned: 'x-amz-meta-a' });
  });
});
