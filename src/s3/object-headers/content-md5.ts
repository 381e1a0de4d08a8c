/**
 * Content-MD5 (../shared/spec/s3-core.md §3.2): base64 of 16 bytes. Malformed → InvalidDigest
 * (checked before the body is read); a mismatch → BadDigest (checked after).
 */
import { S3Error } from '../errors/s3-error.ts';

/** The 16 declared bytes, or undefined when the header is absent. */
export function parseContentMd5(value: string | undefined): Buffer | undefined {
  if (value === undefined) return undefined;
  const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 16 || bytes.toString('base64') !== value) {
    throw new S3Error('InvalidDigest', { fields: [['Content-MD5', value]] });
  }
  return bytes;
}

export function checkContentMd5(declared: Buffer | undefined, computed: Buffer): void {
  if (declared === undefined || declared.equals(computed)) return;
  throw new S3Error('BadDigest', {
    fields: [
      ['ExpectedDigest', declared.toString('base64')],
      ['CalculatedDigest', computed.toString('base64')],
    ],
  });
}
