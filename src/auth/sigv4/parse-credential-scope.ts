import { SCOPE_TERMINATOR } from './constants.ts';
import type { ServiceRules } from './service-rules.ts';
import { MALFORMED_CREDENTIAL_DETAIL, credentialError, type AuthForm } from './sigv4-errors.ts';

export interface CredentialScope {
  accessKeyId: string;
  /** `YYYYMMDD`. */
  date: string;
  region: string;
  service: string;
  /** `date/region/service/aws4_request`: the scope line of the string to sign. */
  scope: string;
  /** The rules of the service the scope names. */
  rules: ServiceRules;
}

/**
 * Parses and checks a credential (`Authorization` Credential or `X-Amz-Credential`) left to right,
 * like AWS (errors.md §2.3, §4): five `/`-separated parts, an 8-digit date, the region, the
 * service (one of `accepted`; the message names the first), the `aws4_request` terminator. A
 * wrong region is reported even when the service is wrong too (AWS observed).
 */
export function parseCredentialScope(text: string, options: { form: AuthForm; accepted: readonly ServiceRules[] }): CredentialScope {
  const { accepted } = options;
  // A POST form's error names the field's value; the header and query forms ignore it.
  const fail = (detail: string, extra: { region?: string; regionHeader?: boolean } = {}) =>
    credentialError(options.form, detail, { ...extra, value: text });
  const s1 = text.indexOf('/');
  const s2 = s1 === -1 ? -1 : text.indexOf('/', s1 + 1);
  const s3 = s2 === -1 ? -1 : text.indexOf('/', s2 + 1);
  const s4 = s3 === -1 ? -1 : text.indexOf('/', s3 + 1);
  if (s4 === -1 || text.indexOf('/', s4 + 1) !== -1) throw fail(MALFORMED_CREDENTIAL_DETAIL);

  const date = text.slice(s1 + 1, s2);
  if (!isEightDigits(date)) {
    throw fail(`incorrect date format "${date}". This date in the credential must be in the format "yyyyMMdd".`);
  }
  const region = text.slice(s2 + 1, s3);
  const service = text.slice(s3 + 1, s4);
  const rules = accepted.find((r) => r.service === service);
  // The region is checked first, against the named service if it is accepted, else the endpoint's.
  const regional = rules ?? accepted[0]!;
  if (region !== regional.region) {
    throw fail(`the region '${region}' is wrong; expecting '${regional.region}'`, {
      region: regional.region,
      regionHeader: regional.regionHeaderOnWrongRegion,
    });
  }
  if (rules === undefined) {
    throw fail(`incorrect service "${service}". This endpoint belongs to "${accepted[0]!.service}".`);
  }
  const terminator = text.slice(s4 + 1);
  if (terminator !== SCOPE_TERMINATOR) {
    throw fail(`incorrect terminal "${terminator}". This endpoint uses "${SCOPE_TERMINATOR}".`);
  }
  return { accessKeyId: text.slice(0, s1), date, region, service, scope: text.slice(s1 + 1), rules };
}

function isEightDigits(text: string): boolean {
  if (text.length !== 8) return false;
  for (let i = 0; i < 8; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
