import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';

/**
 * Hex SHA-256 of a byte string. Signed material is hashed as latin1: node hands header values
 * over as one character per received byte, so latin1 gives back exactly the bytes the client
 * signed (a UTF-8 `é` in x-amz-meta-* arrives as `Ã©`). Everything else in a canonical request is
 * ASCII after encoding — and for ASCII text UTF-8 is the same bytes, which lets the common case
 * skip the copy into a Buffer.
 */
export function sha256Hex(text: string): string {
  if (ONE_SHOT === undefined) return createHash('sha256').update(text, 'latin1').digest('hex');
  return ONE_SHOT('sha256', Buffer.byteLength(text, 'utf8') === text.length ? text : Buffer.from(text, 'latin1'), 'hex');
}

// crypto.hash (node ≥ 20.12) skips the Hash object: measurably cheaper per request.
const ONE_SHOT = (crypto as unknown as { hash?: (alg: string, data: Buffer | string, enc: 'hex') => string }).hash;
