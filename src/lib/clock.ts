/** Where every part of Coffer reads the time. Tests move a ManualClock instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock shifted by a fixed offset: `--clock-offset=+20m` to reproduce skew on demand. */
export function offsetClock(base: Clock, offsetMs: number): Clock {
  return offsetMs === 0 ? base : { now: () => base.now() + offsetMs };
}

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: number | Date = Date.now()) {
    this.#ms = typeof start === 'number' ? start : start.getTime();
  }
  now(): number {
    return this.#ms;
  }
  set(ms: number | Date): void {
    this.#ms = typeof ms === 'number' ? ms : ms.getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}
