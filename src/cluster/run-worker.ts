/**
 * One worker process of `coffer server --workers N`: a whole Coffer (startCoffer) on the port
 * the workers share, on the data directory the primary prepared. What must stay the same in
 * every worker lives in SQLite (read caches check `data_version`, so a write by one worker is
 * seen by the others on their next request); the only per-process state that must agree — the
 * clock `coffer admin clock` moves — is relayed through the primary before the change is
 * acknowledged.
 */
import cluster from 'node:cluster';
import pino from 'pino';
import type { CofferConfig } from '../config/config.ts';
import { AdjustableClock } from '../lib/clock.ts';
import { startCoffer, type CofferInstance, type StartOptions } from '../main.ts';
import { WORKER_CLOCK_OFFSET_ENV, isCofferMessage, type PrimaryMessage, type WorkerMessage } from './cluster-messages.ts';

/** How long a clock change waits for the other workers before answering anyway. */
const CLOCK_SHARE_TIMEOUT_MS = 2000;

export async function runWorker(config: CofferConfig, options: Pick<StartOptions, 'masterKey' | 'sessionKey'>): Promise<number> {
  // The primary may be gone (its 'disconnect' ends this process): a failed send is not an error.
  const send = (m: WorkerMessage) => process.connected && process.send?.(m, undefined, undefined, ignore);
  const workerId = cluster.worker?.id ?? 0;
  const logger = pino({ level: config.logLevel, base: { service: 'coffer', worker: workerId, pid: process.pid } }, pino.destination({ sync: false }));
  const clockShares = new Map<number, () => void>();
  let nextShare = 1;
  const shareClockOffset = (offsetMs: number) =>
    new Promise<void>((resolve) => {
      const id = nextShare++;
      const timer = setTimeout(() => {
        clockShares.delete(id);
        logger.warn({ offsetMs }, 'not every worker confirmed the clock change in time');
        resolve();
      }, CLOCK_SHARE_TIMEOUT_MS);
      clockShares.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
      send({ coffer: 'clock-moved', id, offsetMs });
    });

  const inherited = Number(process.env[WORKER_CLOCK_OFFSET_ENV] ?? config.clockOffsetMs);
  let coffer: CofferInstance;
  try {
    coffer = await startCoffer({ ...config, clockOffsetMs: inherited }, { ...options, logger, worker: { shareClockOffset } });
  } catch (e) {
    send({ coffer: 'failed', message: (e as Error).message });
    process.disconnect?.();
    return 1;
  }

  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void coffer.stop().finally(() => {
        // The IPC channel is the last handle: closing it lets the process end.
        if (process.connected) process.disconnect();
        resolve();
      });
    };
    process.on('message', (m: unknown) => {
      if (!isCofferMessage<PrimaryMessage>(m)) return;
      switch (m.coffer) {
        case 'set-clock':
          if (coffer.deps.clock instanceof AdjustableClock) coffer.deps.clock.offsetMs = m.offsetMs;
          send({ coffer: 'clock-applied', id: m.id });
          break;
        case 'clock-shared':
          clockShares.get(m.id)?.();
          clockShares.delete(m.id);
          break;
        case 'shutdown':
          stop();
          break;
      }
    });
    // Ctrl-C reaches every process of the group; SIGTERM may be sent to a worker alone.
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // The primary died (killed, crashed): a worker without it must not keep the port.
    process.once('disconnect', () => {
      if (stopping) return;
      logger.fatal('the primary process is gone: exiting');
      process.exit(1);
    });
  });
  send({ coffer: 'listening', endpoint: coffer.endpoint });
  await stopped;
  return 0;
}

function ignore(): void {}
