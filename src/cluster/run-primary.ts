/**
 * `coffer server --workers N` (N > 1): this process prepares the data directory once (root key,
 * orphan sweep — things two processes must not do at the same time), forks N workers that share
 * the listening port (node:cluster hands each new connection to the next worker), and then only
 * supervises: it prints the credentials banner once, relays clock changes between workers,
 * replaces a worker that dies, and on SIGTERM/SIGINT lets every worker finish its requests.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { CofferConfig } from '../config/config.ts';
import type { NewAccessKey } from '../iam/identity-store.ts';
import { prepareDataDir, type StartOptions } from '../main.ts';
import { WORKER_CLOCK_OFFSET_ENV, isCofferMessage, type PrimaryMessage, type WorkerMessage } from './cluster-messages.ts';

export interface PrimaryIo {
  logger: Logger;
  /** The first start's generated root key, printed once all workers listen. */
  printCredentials(endpoint: string, key: NewAccessKey): void;
  /** A fatal problem, for the user's terminal (`coffer server: …`). */
  printError(message: string): void;
}

/** More restarts than this within RESTART_WINDOW_MS means something is wrong: stop. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export async function runPrimary(config: CofferConfig, options: Pick<StartOptions, 'masterKey' | 'sessionKey'>, io: PrimaryIo): Promise<number> {
  const { logger } = io;
  const prepared = await prepareDataDir(config, { ...options, logger });
  let clockOffsetMs = config.clockOffsetMs;
  let endpoint: string | undefined;
  let stopping = false;
  let exitCode = 0;
  const listening = new Set<Worker>();
  const live = new Set<Worker>();
  const restarts: number[] = [];
  /** Clock changes waiting for workers to apply them: relay id → the worker that asked, and who is left. */
  const clockRelays = new Map<number, { origin: Worker; originId: number; waiting: Set<Worker> }>();
  let nextRelay = 1;

  return new Promise<number>((resolve) => {
    // A worker may be gone by the time a message reaches its channel: that is not an error here.
    const send = (w: Worker, m: PrimaryMessage) => {
      if (w.isConnected()) w.send(m, undefined, ignore);
    };

    const shutdown = (code: number) => {
      exitCode = Math.max(exitCode, code);
      if (stopping) return;
      stopping = true;
      for (const w of live) send(w, { coffer: 'shutdown' });
      // Workers stop within the grace; one that hangs past it is killed.
      setTimeout(() => {
        for (const w of live) w.process.kill('SIGKILL');
      }, config.shutdownGraceMs + 5000).unref();
      if (live.size === 0) resolve(exitCode);
    };

    const settleRelay = (key: number) => {
      const relay = clockRelays.get(key);
      if (relay === undefined || relay.waiting.size > 0) return;
      clockRelays.delete(key);
      send(relay.origin, { coffer: 'clock-shared', id: relay.originId });
    };

    const onMessage = (w: Worker, m: unknown) => {
      if (!isCofferMessage<WorkerMessage>(m)) return;
      switch (m.coffer) {
        case 'listening':
          listening.add(w);
          if (endpoint !== undefined) logger.info({ worker: w.id, pid: w.process.pid }, 'a replacement worker is listening');
          if (endpoint === undefined && listening.size === config.workers) {
            endpoint = m.endpoint;
            if (prepared.generated) io.printCredentials(endpoint, prepared.generated);
            logger.info({ endpoint, region: config.region, dataDir: config.dataDir, workers: config.workers }, 'coffer is listening');
          }
          break;
        case 'failed':
          // Every worker fails the same way (a port in use): say it once.
          if (!stopping) io.printError(m.message);
          shutdown(1);
          break;
        case 'clock-moved': {
          // Remembered for workers started later (a replacement starts on the current clock).
          clockOffsetMs = m.offsetMs;
          const key = nextRelay++;
          const waiting = new Set([...live].filter((other) => other !== w && other.isConnected()));
          clockRelays.set(key, { origin: w, originId: m.id, waiting });
          for (const other of waiting) send(other, { coffer: 'set-clock', id: key, offsetMs: m.offsetMs });
          settleRelay(key);
          break;
        }
        case 'clock-applied':
          clockRelays.get(m.id)?.waiting.delete(w);
          settleRelay(m.id);
          break;
      }
    };

    const onExit = (w: Worker, code: number | null, signal: string | null) => {
      live.delete(w);
      const wasListening = listening.delete(w);
      for (const [key, relay] of clockRelays) {
        relay.waiting.delete(w);
        settleRelay(key);
      }
      if (stopping) {
        if (code !== 0) exitCode = Math.max(exitCode, 1);
        if (live.size === 0) resolve(exitCode);
        return;
      }
      if (!wasListening) {
        // It never served: starting another would fail the same way.
        io.printError(`a worker process exited while starting (${signal ?? `code ${code}`})`);
        shutdown(1);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        logger.fatal({ restarts: restarts.length }, 'workers keep dying: stopping');
        shutdown(1);
        return;
      }
      logger.error({ worker: w.id, pid: w.process.pid, code, signal }, 'a worker process died: starting another');
      fork();
    };

    const fork = () => {
      const w = cluster.fork({ [WORKER_CLOCK_OFFSET_ENV]: String(clockOffsetMs) });
      live.add(w);
      w.on('error', (e) => logger.warn({ worker: w.id, err: e }, 'worker channel'));
      w.on('message', (m: unknown) => onMessage(w, m));
      w.on('exit', (code, signal) => onExit(w, code, signal));
    };

    process.once('SIGTERM', () => {
      logger.info({ signal: 'SIGTERM' }, 'shutting down: workers finish in-flight requests');
      shutdown(0);
    });
    process.once('SIGINT', () => {
      logger.info({ signal: 'SIGINT' }, 'shutting down: workers finish in-flight requests');
      shutdown(0);
    });
    for (let i = 0; i < config.workers; i++) fork();
  });
}

function ignore(): void {}
