/**
 * Date condition values and date-typed context keys (§3): W3C/ISO 8601 dates and date-times
 * (`2024-05-01`, `2024-05-01T12:00Z`, `2024-05-01T12:00:00.123+02:00`) or epoch seconds
 * (`1714564800`, as aws:EpochTime carries). Returns epoch milliseconds, or NaN. A date-time
 * without a zone is read as UTC (AWS request times are UTC). Character arithmetic, no
 * allocation: aws:CurrentTime is parsed on every evaluation of a Date condition.
 */
export function parsePolicyDate(text: string): number {
  const n = text.length;
  if (n === 0) return NaN;
  if (allDigits(text, 0, n)) return Number(text) * 1000;
  if (n < 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return NaN;
  const year = num(text, 0, 4);
  const month = num(text, 5, 2);
  const day = num(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
  let ms = Date.UTC(year, month - 1, day);
  if (n === 10) return ms;
  if (text.charCodeAt(10) !== 0x54 /* T */ && text.charCodeAt(10) !== 0x74 /* t */) return NaN;
  const hour = num(text, 11, 2);
  const minute = text.charCodeAt(13) === 0x3a ? num(text, 14, 2) : -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  ms += hour * 3_600_000 + minute * 60_000;
  let i = 16;
  if (i < n && text.charCodeAt(i) === 0x3a) {
    const second = num(text, i + 1, 2);
    if (second < 0 || second > 60) return NaN;
    ms += second * 1000;
    i += 3;
    if (i < n && text.charCodeAt(i) === 0x2e) {
      const start = ++i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (i === start) return NaN;
      ms += Math.floor(num(text, start, Math.min(i - start, 3)) * 10 ** (3 - Math.min(i - start, 3)));
    }
  }
  if (i === n) return ms;
  const z = text.charCodeAt(i);
  if ((z === 0x5a || z === 0x7a) && i + 1 === n) return ms; // Z
  if (z !== 0x2b && z !== 0x2d) return NaN; // + -
  const oh = num(text, i + 1, 2);
  const colon = text.charCodeAt(i + 3) === 0x3a ? 1 : 0;
  const om = num(text, i + 3 + colon, 2);
  if (oh < 0 || oh > 23 || om < 0 || om > 59 || i + 5 + colon !== n) return NaN;
  const offset = (oh * 60 + om) * 60_000;
  return z === 0x2b ? ms - offset : ms + offset;
}

function num(text: string, start: number, count: number): number {
  if (start + count > text.length) return -1;
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
