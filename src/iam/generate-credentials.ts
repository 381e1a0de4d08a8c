import { randomBytes } from 'node:crypto';
import { randomString } from '../lib/ids.ts';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `AKIA` + 16 upper-case characters, as AWS long-term keys look; `ASIA…` for temporary ones. */
export function generateAccessKeyId(prefix: 'AKIA' | 'ASIA'): string {
  return prefix + randomString(16, UPPER_ALNUM);
}

/** 40 characters of `[A-Za-z0-9+/]`, like an AWS secret access key. */
export function generateSecretAccessKey(): string {
  return randomString(40, SECRET_ALPHABET);
}

/** 12 digits, not starting with 0. */
export function generateAccountId(): string {
  return String(1 + (randomBytes(6).readUIntBE(0, 6) % 9)) + randomString(11, '0123456789');
}

/** 64 lower-case hex characters: the S3 canonical user id of an account. */
export function generateCanonicalId(): string {
  return randomBytes(32).toString('hex');
}

/**
 * An IAM unique id: the type's prefix (`AIDA` user, `AGPA` group, `AROA` role, `ANPA` policy)
 * and 17 upper-case characters, 21 in all, as AWS's look (sts-iam.md §4).
 */
export function generateUniqueId(prefix: 'AIDA' | 'AGPA' | 'AROA' | 'ANPA'): string {
  return prefix + randomString(17, UPPER_ALNUM);
}
