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
  if (ONE_SHOT === undefined || key.length > BLOCK || message.length < DIGEST) {
    return createHmac('sha256', key).update(message, 'latin1').digest('hex');
  }
  const pads = padsOf(key);
  const buffer = Buffer.allocUnsafe(BLOCK + message.length);
  pads.copy(buffer, 0, 0, BLOCK);
  buffer.write(message, BLOCK, 'latin1');
  const inner = ONE_SHOT('sha256', buffer, 'latin1');
  // The outer hash reuses the same buffer: opad block, then the 32-byte inner digest.
  pads.copy(buffer, 0, BLOCK, 2 * BLOCK);
  buffer.write(inner, BLOCK, 'latin1');
  return ONE_SHOT('sha256', buffer.subarray(0, BLOCK + DIGEST), 'hex');
}

const BLOCK = 64;
const DIGEST = 32;

/**
 * The key's ipad block then its opad block (the key, zero-padded to a block, XOR 0x36 / 0x5c).
 * Signing keys are cached Buffers (SigningKeyCache), so their pads are computed once per key.
 */
const PADS = new WeakMap<Buffer, Buffer>();
function padsOf(key: Buffer): Buffer {
  let pads = PADS.get(key);
  if (pads === undefined) {
    pads = Buffer.alloc(2 * BLOCK);
    pads.fill(0x36, 0, BLOCK).fill(0x5c, BLOCK);
    for (let i = 0; i < key.length; i++) {
      pads[i] = key[i]! ^ 0x36;
      pads[BLOCK + i] = key[i]! ^ 0x5c;
    }
    PADS.set(key, pads);
  }
  return pads;
}

const ONE_SHOT = (crypto as unknown as { hash?: (alg: string, data: Buffer | string, enc: 'hex' | 'latin1') => string }).hash;
