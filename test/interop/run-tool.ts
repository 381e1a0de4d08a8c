/**
 * Running real S3 clients (the aws CLI, boto3, s3cmd, rclone, curl) against a test server.
 * Always asynchronous: the server runs in this process, so a synchronous spawn would deadlock.
 * A missing tool skips its tests with a named reason — unless COFFER_REQUIRE_INTEROP=1 (set by
 * CI), where a missing tool is a failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runTool(command: string, args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { PATH: '/usr/bin:/bin', HOME: isolatedHome(), LANG: 'C.UTF-8', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Why a test must be skipped, or false when `path` is there (or CI requires it anyway). */
export function missingTool(path: string, pkg: string): string | false {
  if (existsSync(path)) return false;
  if (process.env.COFFER_REQUIRE_INTEROP === '1') throw new Error(`${path} is missing: CI must install the Debian package ${pkg}`);
  return `${path} not installed (apt-get install ${pkg})`;
}

let home: string | undefined;
function isolatedHome(): string {
  // No user config (~/.aws, ~/.s3cfg) may leak into what the tools send.
  return (home ??= mkdtempSync(join(tmpdir(), 'coffer-interop-home-')));
}
