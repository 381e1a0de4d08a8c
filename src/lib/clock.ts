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

/**
 * A clock shifted by an offset that can be changed while the server runs: `--clock-offset` sets
 * it at start, `PUT /.coffer/clock` (`coffer admin clock --offset +20m`) moves it later, so skew
 * and expiry failures can be reproduced on demand without a restart.
 */
export class AdjustableClock implements Clock {
  readonly #base: Clock;
  #offsetMs: number;
  constructor(base: Clock, offsetMs = 0) {
    this.#base = base;
    this.#offsetMs = offsetMs;
  }
  now(): number {
    return this.#base.now() + this.#offsetMs;
  }
  /** Milliseconds added to the base clock (negative: behind). */
  get offsetMs(): number {
    return this.#offsetMs;
  }
  set offsetMs(ms: number) {
    if (!Number.isFinite(ms)) throw new RangeError(`clock offset must be a finite number of milliseconds, not ${ms}`);
    this.#offsetMs = Math.round(ms);
  }
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
