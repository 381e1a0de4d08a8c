/**
 * Starts a real Coffer in this process on 127.0.0.1:0 with a temporary data directory and an
 * injected clock, and hands out clients pointed at it. Each test file gets its own server.
 */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DEFAULTS, type CofferConfig } from '../../src/config/config.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { startCoffer, type CofferInstance } from '../../src/main.ts';
import { checkSimulationAgrees } from './simulation-check.ts';

/**
 * The server's clock in tests: real time plus an offset that tests move (`advance`, `set`), so
 * time flows for real clients and jumps on demand for expiry and skew — never by sleeping.
 */
export class TestClock implements Clock {
  #offset = 0;
  now(): number {
    return Date.now() + this.#offset;
  }
  advance(ms: number): void {
    this.#offset += ms;
  }
  set(ms: number | Date): void {
    this.#offset = (typeof ms === 'number' ? ms : ms.getTime()) - Date.now();
  }
}

export const ROOT = { accessKeyId: 'AKIACOFFERTESTROOT01', secretAccessKey: 'coffer/test/root/secret/key/0000000000001' };

export interface TestCoffer {
  endpoint: string;
  clock: TestClock;
  credentials: { accessKeyId: string; secretAccessKey: string };
  dataDir: string;
  coffer: CofferInstance;
  /** An SDK v3 client with its default settings (checksums on), path-style, no retries. */
  s3(overrides?: Partial<S3ClientConfig>): S3Client;
  stop(): Promise<void>;
}

export async function startTestCoffer(options: { clock?: TestClock; config?: Partial<CofferConfig> } = {}): Promise<TestCoffer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-test-'));
  const clock = options.clock ?? new TestClock();
  const config: CofferConfig = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    region: DEFAULTS.region,
    domains: ['localhost'],
    tls: undefined,
    logLevel: 'silent',
    maxSkewMs: 15 * 60_000,
    clockOffsetMs: 0,
    durability: 'none',
    sigv2: true,
    shutdownGraceMs: 1000,
    rootCredentials: ROOT,
    audit: 'all',
    auditRetentionMs: 30 * 86_400_000,
    explainDenials: false,
    workers: 1,
    ...options.config,
  };
  const coffer = await startCoffer(config, { clock, logger: pino({ level: process.env.COFFER_TEST_LOG ?? 'silent' }) });
  // Every decision this server makes is also asked of `coffer simulate`; they must agree.
  const simulation = config.audit === 'all' ? checkSimulationAgrees(coffer) : undefined;
  const clients: S3Client[] = [];
  return {
    endpoint: coffer.endpoint,
    clock,
    credentials: config.rootCredentials ?? ROOT,
    dataDir,
    coffer,
    s3(overrides = {}) {
      const client = new S3Client({
        endpoint: coffer.endpoint,
        region: config.region,
        credentials: config.rootCredentials ?? ROOT,
        forcePathStyle: true,
        maxAttempts: 1,
        // The SDK signs with its own clock; keep it on ours so skew tests mean what they say.
        systemClockOffset: clock.now() - Date.now(),
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const c of clients) c.destroy();
      await simulation?.settled();
      await coffer.stop(100);
      rmSync(dataDir, { recursive: true, force: true });
      if (simulation && process.env.COFFER_TEST_SIMULATION_STATS) process.stderr.write(`simulate agreed on ${simulation.checked()} decisions\n`);
      if (simulation && simulation.disagreements.length > 0) {
        throw new Error(`coffer simulate disagreed with the server on ${simulation.disagreements.length} of ${simulation.checked()} decisions:\n${simulation.disagreements.join('\n')}`);
      }
    },
  };
}
