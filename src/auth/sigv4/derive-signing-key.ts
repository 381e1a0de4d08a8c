import { createHmac } from 'node:crypto';
import { SCOPE_TERMINATOR } from './constants.ts';

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
 * (sigv4.md §1). Four HMACs: credential stores cache the result (SigningKeyCache) so a request
 * pays only for the HMAC of its string to sign.
 */
export function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', 'AWS4' + secret).update(date, 'latin1').digest();
  const kRegion = createHmac('sha256', kDate).update(region, 'latin1').digest();
  const kService = createHmac('sha256', kRegion).update(service, 'latin1').digest();
  return createHmac('sha256', kService).update(SCOPE_TERMINATOR).digest();
}
