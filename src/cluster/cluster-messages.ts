/**
 * What a cluster's primary and its workers tell each other over the IPC channel node:cluster
 * opens. Every message carries `coffer` (its kind), so other messages are ignored.
 */

/** Worker → primary. */
export type WorkerMessage =
  /** Serving: the endpoint every worker shares. */
  | { coffer: 'listening'; endpoint: string }
  /** Could not start (a port in use, a data directory it cannot open): the primary gives up. */
  | { coffer: 'failed'; message: string }
  /** `coffer admin clock` moved this worker's clock: tell the others. */
  | { coffer: 'clock-moved'; id: number; offsetMs: number }
  /** This worker applied a `set-clock`. */
  | { coffer: 'clock-applied'; id: number };

/** Primary → worker. */
export type PrimaryMessage =
  | { coffer: 'set-clock'; id: number; offsetMs: number }
  /** Every other worker applied the clock change `id`. */
  | { coffer: 'clock-shared'; id: number }
  /** Stop accepting, finish in-flight requests, exit. */
  | { coffer: 'shutdown' };

/** The clock offset a (re)started worker begins with: the latest one the cluster agreed on. */
export const WORKER_CLOCK_OFFSET_ENV = 'COFFER_WORKER_CLOCK_OFFSET_MS';

export function isCofferMessage<T extends { coffer: string }>(m: unknown): m is T {
  return typeof m === 'object' && m !== null && typeof (m as { coffer?: unknown }).coffer === 'string';
}
