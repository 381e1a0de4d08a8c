/** Medians across rounds, and the machine a run happened on. */
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';

export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function version(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]!.trim();
  } catch (e) {
    const err = e as { stderr?: string };
    return (err.stderr ?? 'not found').split('\n')[0]!.trim();
  }
}

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    wrk: version('wrk', ['--version']),
    nginx: version('nginx', ['-v']),
    kernel: version('uname', ['-r']),
    date: new Date().toISOString(),
  };
}
