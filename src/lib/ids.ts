import { randomBytes } from 'node:crypto';

/** Every random identifier Coffer makes, injectable so tests can pin them. */
export interface Ids {
  /** 16 upper-case letters and digits, like `4442587FB7D0A2F9` (x-amz-request-id). */
  requestId(): string;
  /** An opaque base64-like token (x-amz-id-2 / HostId). */
  hostId(): string;
  /** A multipart upload id. */
  uploadId(): string;
  /** A blob file name: 32 lower-case hex characters. */
  blobId(): string;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomString(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/**
 * Random ids drawn from a pool of random bytes refilled 4 KiB at a time: two ids per request
 * would otherwise mean two calls into the CSPRNG per request. One pool per server instance.
 */
export function createRandomIds(): Ids {
  let pool = Buffer.alloc(0);
  let offset = 0;
  const take = (n: number): Buffer => {
    if (offset + n > pool.length) {
      pool = randomBytes(4096);
      offset = 0;
    }
    const bytes = pool.subarray(offset, offset + n);
    offset += n;
    return bytes;
  };
  return {
    requestId: () => {
      const bytes = take(16);
      let out = '';
      for (let i = 0; i < 16; i++) out += UPPER[bytes[i]! % UPPER.length];
      return out;
    },
    hostId: () => take(48).toString('base64'),
    uploadId: () => take(48).toString('base64url'),
    blobId: () => take(16).toString('hex'),
  };
}

/** For tests and tools that need ids without owning a server. */
export const randomIds: Ids = {
  requestId: () => randomString(16, UPPER),
  hostId: () => randomBytes(48).toString('base64'),
  uploadId: () => randomBytes(48).toString('base64url'),
  blobId: () => randomBytes(16).toString('hex'),
};
