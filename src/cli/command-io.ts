/**
 * What a command touches in the outside world, injected so that tests run commands in-process
 * with captured output, a fixed clock and their own environment and files.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { CredentialSourceEnv } from '../lib/aws-credential-sources.ts';

export interface CommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  now(): number;
  homeDir: string;
  /** The file's text, or undefined when it does not exist. */
  readFile(path: string): string | undefined;
  fetch: typeof fetch;
}

export function processIo(): CommandIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => Date.now(),
    homeDir: homedir(),
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    fetch: globalThis.fetch,
  };
}

export function credentialSourceEnv(io: CommandIo): CredentialSourceEnv {
  return { env: io.env, homeDir: io.homeDir, readFile: io.readFile };
}

export type Paint = (text: string) => string;
export interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

/** ANSI colours on a terminal, unless NO_COLOR is set (https://no-color.org); plain text otherwise. */
export function palette(io: CommandIo): Palette {
  const on = io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';
  const sgr = (open: number, close: number): Paint => (on ? (t) => `\u001b[${open}m${t}\u001b[${close}m` : (t) => t);
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}
