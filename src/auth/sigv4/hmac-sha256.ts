import { createHmac } from 'node:crypto';
import * as crypto from 'node:crypto';

/**
 * Hex HMAC-SHA256 of a byte string (latin1, see sha256Hex) — the signature of a string to sign.
 * On the hot path of every signed request: built from two one-shot `crypto.hash` calls (RFC 2104:
 * H((K ^ opad) || H((K ^ ipad) || m))) it costs about half of `createHmac`, whose per-call key
 * setup dominates for messages this small. Falls back to createHmac where crypto.hash is missing
 * (node < 20.12).
 */
export function hmacSha256Hex(key: Buffer, message: string): string {
  if (ONE_SHOT === undefined || key.length > BLOCK) return createHmac('sha256', key).update(message, 'latin1').digest('hex');
  const inner = Buffer.allocUnsafe(BLOCK + message.length);
  pad(inner, key, 0x36);
  inner.latin1Write(message, BLOCK);
  const outer = Buffer.allocUnsafe(BLOCK + 32);
  pad(outer, key, 0x5c);
  outer.latin1Write(ONE_SHOT('sha256', inner, 'latin1'), BLOCK);
  return ONE_SHOT('sha256', outer, 'hex');
}

const BLOCK = 64;

function pad(into: Buffer, key: Buffer, byte: number): void {
  for (let i = 0; i < BLOCK; i++) into[i] = (i < key.length ? key[i]! : 0) ^ byte;
}

const ONE_SHOT = (crypto as unknown as { hash?: (alg: string, data: Buffer | string, enc: 'hex' | 'latin1') => string }).hash;
