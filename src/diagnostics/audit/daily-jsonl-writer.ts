/**
 * Appends JSON lines to one file per UTC day of the (injected) clock, cheaply: `append` only
 * queues the line; every 20 ms (or each 64 KiB) the queued lines go to the day's file in one
 * write through one append stream — few writes, so that the audit log does not crowd the libuv
 * threadpool that object reads and writes need. No synchronous fs call on the caller's path. When the day changes
 * the old stream is ended (its queued bytes still land) and a new one opened, and files older
 * than the retention are removed — also once at open. If the disk cannot keep up, lines beyond
 * `maxQueuedBytes` are dropped and counted rather than held in memory without bound.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../lib/clock.ts';
import { auditFileName, removeExpiredAuditFiles, utcDay } from './audit-files.ts';

const DAY_MS = 86_400_000;

export interface DailyJsonlWriterOptions {
  dir: string;
  clock: Clock;
  retentionMs: number;
  /** Called with write failures and drop counts; never throws back into the caller. */
  onError: (error: Error) => void;
  /** Bytes queued but not yet written beyond which lines are dropped (default 16 MiB). */
  maxQueuedBytes?: number;
  /** How long a line may wait for others to share its write (default 20 ms; 64 KiB goes at once). */
  batchMs?: number;
}

export class DailyJsonlWriter {
  readonly #options: DailyJsonlWriterOptions;
  readonly #maxQueued: number;
  #day: string | undefined;
  /** Epoch ms of the UTC midnight that starts #day (NaN before the first line). */
  #dayStart = Number.NaN;
  #stream: WriteStream | undefined;
  #batch: string[] = [];
  #batchBytes = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #batchLimit = 64 * 1024;
  #inFlight = 0;
  #idle: Array<() => void> = [];
  #dropped = 0;
  #closed = false;
  #sweeping: Promise<void> = Promise.resolve();

  private constructor(options: DailyJsonlWriterOptions) {
    this.#options = options;
    this.#maxQueued = options.maxQueuedBytes ?? 16 * 1024 * 1024;
  }

  /** Creates the directory (mode 0700) and removes the files retention no longer keeps. */
  static async open(options: DailyJsonlWriterOptions): Promise<DailyJsonlWriter> {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const writer = new DailyJsonlWriter(options);
    await writer.#sweep();
    return writer;
  }

  append(line: string): void {
    if (this.#closed) return;
    const queued = this.#batchBytes + (this.#stream?.writableLength ?? 0);
    if (queued > this.#maxQueued) {
      this.#dropped++;
      return;
    }
    const now = this.#options.clock.now();
    // The day's bounds are kept: formatting a date on every line would cost more than the rest.
    if (!(now >= this.#dayStart && now < this.#dayStart + DAY_MS)) {
      this.#writeBatch();
      this.#rotate(now);
    }
    this.#batch.push(line);
    this.#batchBytes += line.length + 1;
    if (this.#batchBytes >= this.#batchLimit) this.#writeBatch();
    else this.#timer ??= setTimeout(() => this.#writeBatch(), this.#options.batchMs ?? 20).unref();
  }

  /** Resolves once every line appended so far is written (or failed to be). */
  flush(): Promise<void> {
    this.#writeBatch();
    if (this.#inFlight === 0) return this.#sweeping;
    return new Promise<void>((resolve) => this.#idle.push(resolve)).then(() => this.#sweeping);
  }

  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
    const stream = this.#stream;
    this.#stream = undefined;
    if (stream !== undefined && !stream.destroyed) await new Promise<void>((resolve) => stream.end(resolve));
  }

  #writeBatch(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#batch.length === 0) return;
    const text = this.#batch.join('\n') + '\n';
    this.#batch = [];
    this.#batchBytes = 0;
    if (this.#dropped > 0) {
      this.#options.onError(new Error(`audit log: ${this.#dropped} record(s) dropped: the disk did not keep up`));
      this.#dropped = 0;
    }
    const stream = this.#stream ?? this.#openStream();
    this.#inFlight++;
    // A failed write is reported once, by the stream's 'error' event.
    stream.write(text, () => {
      if (--this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    });
  }

  #rotate(now: number): void {
    const old = this.#stream;
    this.#stream = undefined;
    old?.end();
    const first = this.#day === undefined;
    this.#dayStart = now - (((now % DAY_MS) + DAY_MS) % DAY_MS);
    this.#day = utcDay(now);
    // At open the sweep has just run; afterwards every new day removes what expired.
    if (!first) this.#sweeping = this.#sweeping.then(() => this.#sweep());
  }

  #openStream(): WriteStream {
    const stream = createWriteStream(join(this.#options.dir, auditFileName(this.#day!)), { flags: 'a', mode: 0o600 });
    stream.on('error', (error) => {
      this.#options.onError(error);
      // The next line opens the file afresh (a removed directory, a full disk that recovered).
      if (this.#stream === stream) this.#stream = undefined;
    });
    this.#stream = stream;
    return stream;
  }

  async #sweep(): Promise<void> {
    try {
      await removeExpiredAuditFiles(this.#options.dir, this.#options.clock.now(), this.#options.retentionMs);
    } catch (e) {
      this.#options.onError(e as Error);
    }
  }
}
