import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionClaims } from './session-claims.ts';
import { SessionTokenCodec } from './session-token-codec.ts';

const KEY = Buffer.alloc(32, 7);
const CLAIMS: SessionClaims = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  accountId: '111122223333',
  issuedAt: Date.UTC(2024, 4, 1, 12),
  expiresAt: Date.UTC(2024, 4, 1, 13),
  origin: 'AssumeRole',
  subject: { type: 'AssumedRole', roleName: 'demo', roleId: 'AROADEMOXXXXXXXXXXXXX', roleArn: 'arn:aws:iam::111122223333:role/demo', sessionName: 's1' },
  policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
  policyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
  roleChained: false,
  mfa: { serialNumber: 'arn:aws:iam::111122223333:mfa/alice', authenticatedAt: Date.UTC(2024, 4, 1, 12) },
};

describe('SessionTokenCodec', () => {
  const codec = new SessionTokenCodec(KEY);

  it('seals claims into base64 that unseals to the same claims', () => {
    const token = codec.seal(CLAIMS);
    assert.match(token, /^[A-Za-z0-9+/]+=*$/);
    assert.ok(token.length >= 100, 'AWS session tokens are at least 100 characters');
    assert.deepEqual(codec.unseal(token), CLAIMS);
  });

  it('lays out version ‖ nonce ‖ ciphertext ‖ tag', () => {
    const nonce = Buffer.alloc(12, 0xab);
    const pinned = new SessionTokenCodec(KEY, { random: () => nonce });
    const bytes = Buffer.from(pinned.seal(CLAIMS), 'base64');
    assert.equal(bytes[0], 1);
    assert.deepEqual(bytes.subarray(1, 13), nonce);
    assert.equal(bytes.length, 1 + 12 + Buffer.byteLength(JSON.stringify(CLAIMS)) + 16);
  });

  it('uses a fresh nonce each time: the same claims seal differently', () => {
    assert.notEqual(codec.seal(CLAIMS), codec.seal(CLAIMS));
  });

  it('rejects a token changed in any byte: version, nonce, ciphertext or tag', () => {
    const bytes = Buffer.from(codec.seal(CLAIMS), 'base64');
    for (const at of [0, 1, 12, 13, 40, bytes.length - 17, bytes.length - 16, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[at] = tampered[at]! ^ 0x01;
      assert.equal(codec.unseal(tampered.toString('base64')), undefined, `byte ${at}`);
    }
  });

  it('rejects a token sealed under another key, truncated, or not base64 at all', () => {
    const token = codec.seal(CLAIMS);
    assert.equal(new SessionTokenCodec(Buffer.alloc(32, 8)).unseal(token), undefined);
    assert.equal(codec.unseal(token.slice(0, 40)), undefined);
    assert.equal(codec.unseal(''), undefined);
    assert.equal(codec.unseal('not a token!'), undefined);
    assert.equal(codec.unseal('IQoJb3JpZ2luX2VjEXAMPLE'), undefined);
  });

  it('rejects well-sealed JSON that is not session claims', () => {
    const { subject: _subject, ...withoutSubject } = CLAIMS;
    const token = codec.seal(withoutSubject as unknown as SessionClaims);
    assert.equal(codec.unseal(token), undefined);
  });

  it('wants a 32-byte key', () => {
    assert.throws(() => new SessionTokenCodec(Buffer.alloc(16)), /32 bytes/);
  });
});
