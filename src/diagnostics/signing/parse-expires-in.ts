/**
 * `--expires-in` of `coffer presign`: how long a presigned URL works, 1 second to 7 days (AWS's
 * limit for SigV4, sigv4.md §4.1). A bare number is seconds, as for `aws s3 presign`; otherwise a
 * duration (`90s`, `15m`, `12h`, `7d`). Whole seconds only: X-Amz-Expires has no fractions.
 */
import { parseDuration } from '../../config/config.ts';
import { MAX_PRESIGNED_EXPIRES_SECONDS } from '../../auth/sigv4/constants.ts';

export class ExpiresInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpiresInError';
  }
}

export function parseExpiresIn(text: string): number {
  const trimmed = text.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    try {
      ms = parseDuration(trimmed, '--expires-in');
    } catch {
      throw new ExpiresInError(`--expires-in: "${text}" is not a duration (examples: 3600 (seconds), 90s, 15m, 12h, 7d)`);
    }
  }
  if (trimmed.startsWith('-') || ms <= 0) throw new ExpiresInError(`--expires-in: "${text}" must be at least 1s: a presigned URL must be valid for some time`);
  if (ms % 1000 !== 0) throw new ExpiresInError(`--expires-in: "${text}" is not a whole number of seconds (X-Amz-Expires counts seconds)`);
  const seconds = ms / 1000;
  if (seconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw new ExpiresInError(`--expires-in: "${text}" is ${seconds} seconds, longer than 7 days (${MAX_PRESIGNED_EXPIRES_SECONDS} seconds), the most AWS allows for a presigned URL`);
  }
  return seconds;
}
