/** Durations for people and for flags. */

/**
 * A signed offset that parseDuration reads back: the largest unit that divides it evenly,
 * `+20m`, `-1h`, `+90s`, `+1500ms`; `0` for none.
 */
export function formatOffset(ms: number): string {
  if (ms === 0) return '0';
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (abs % size === 0) return `${sign}${abs / size}${unit}`;
  }
  return `${sign}${abs}ms`;
}

/** `2 days 3 hours`, `14 minutes 5 seconds`, `0 seconds`: the two largest non-zero units, whole seconds. */
export function describeDuration(ms: number): string {
  let s = Math.floor(Math.abs(ms) / 1000);
  const parts: string[] = [];
  for (const [name, size] of [['day', 86_400], ['hour', 3600], ['minute', 60], ['second', 1]] as const) {
    const n = Math.floor(s / size);
    s -= n * size;
    if (n > 0 && parts.length < 2) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    else if (parts.length > 0) break;
  }
  return parts.length === 0 ? '0 seconds' : parts.join(' ');
}
