/**
 * Integer parameters as the Query protocol reads them (sts-iam.md §1): `+900` and `0900` are 900;
 * an empty value is 400 MalformedInput `missing value for decimal type`; anything else that is not
 * a signed 32-bit integer (`abc`, `900.0`, `2147483648`) is MalformedInput too (AWS's message for
 * those is not pinned). In-range values out of the member's bounds are left to validation.
 */
import { QueryApiError } from '../../query-api/query-error.ts';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function parseIntegerParameter(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (raw === '') throw new QueryApiError(400, 'MalformedInput', 'missing value for decimal type');
  if (!/^[+-]?\d+$/.test(raw)) throw malformed(raw);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < INT32_MIN || value > INT32_MAX) throw malformed(raw);
  return value === 0 ? 0 : value; // no -0
}

function malformed(raw: string): QueryApiError {
  return new QueryApiError(400, 'MalformedInput', `Invalid value for decimal type: ${raw}`);
}
