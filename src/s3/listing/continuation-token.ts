/**
 * ListObjectsV2 continuation tokens: opaque to clients, a versioned encoding of the key the next
 * page starts after. Anything that does not decode is "The continuation token provided is
 * incorrect" (400 InvalidArgument), as on AWS.
 */
import { invalidArgument } from '../errors/s3-error.ts';

const VERSION = 'c1:';

export function encodeContinuationToken(startAfter: string): string {
  return Buffer.from(VERSION + startAfter, 'utf8').toString('base64');
}

export function decodeContinuationToken(token: string): string {
  const text = /^[A-Za-z0-9+/]+={0,2}$/.test(token) ? Buffer.from(token, 'base64').toString('utf8') : '';
  if (!text.startsWith(VERSION)) {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  }
  return text.slice(VERSION.length);
}
