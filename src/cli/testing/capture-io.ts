/** Test support: a CommandIo with captured output, a fixed clock, and its own environment and files. */
import type { CommandIo } from '../command-io.ts';

export interface CapturedIo extends CommandIo {
  out(): string;
  err(): string;
}

export function captureIo(options: { env?: Record<string, string>; now?: number; files?: Record<string, string>; tty?: boolean; fetch?: typeof fetch } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (err += t) },
    env: options.env ?? {},
    now: () => options.now ?? Date.now(),
    homeDir: '/home/test',
    readFile: (path) => options.files?.[path],
    fetch: options.fetch ?? (async () => {
      throw new TypeError('fetch failed', { cause: new Error('no network in this test') });
    }),
    out: () => out,
    err: () => err,
  };
}
