/** Medians across rounds, and the machine a run happened on. */
import { cpus, totalmem } from 'node:os';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The first line a tool prints about its version (wrk exits 1 after printing it; nginx uses stderr). */
function version(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin` } });
  if (r.error) return 'not found';
  return `${r.stdout}${r.stderr}`.split('\n')[0]!.trim();
}

/** `/proc/<pid>/stat` after the command name: state, ppid, …, utime (11), stime (12). */
function statFields(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return undefined; // exited meanwhile
  }
}

/** The process and its descendants — a Coffer cluster's primary and its workers — from /proc. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(Number(entry))?.[1]);
    if (!Number.isFinite(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** CPU seconds (user + system) a process and its descendants have used so far, from /proc. */
export function processCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const fields = statFields(p);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** Peak resident memory (VmHWM) of the largest process in the tree, and of all of them together. */
export function peakRssMiB(pid: number): { largest: number; total: number } {
  let largest = 0;
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const mib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      largest = Math.max(largest, mib);
      total += mib;
    } catch {
      // exited meanwhile
    }
  }
  return { largest, total };
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
