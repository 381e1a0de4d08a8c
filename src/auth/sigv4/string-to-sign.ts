import { SIGV4_ALGORITHM } from './constants.ts';
import { sha256Hex } from './sha256-hex.ts';

/**
 * StringToSign (sigv4.md §1): algorithm, request time (`YYYYMMDDTHHMMSSZ`), credential scope
 * (`date/region/service/aws4_request`) and the hex SHA-256 of the canonical request. No final
 * newline.
 */
export function stringToSign(amzDate: string, scope: string, canonicalRequest: string): string {
  return SIGV4_ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
}
