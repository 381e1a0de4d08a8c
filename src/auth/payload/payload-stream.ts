/**
 * PayloadStream: the base of every request-body stream that verifies itself. It pulls from the
 * raw request body only once its own consumer reads (so `100 Continue` goes out only when a
 * handler wants the body, as http/continue-on-read.ts relies on), forwards backpressure by
 * pausing the source, and fails with an S3Error *before* it would end: a consumer that commits
 * only on 'end' (the blob store) therefore never stores a body that failed verification.
 *
 * The source is read in flowing mode ('data' events) rather than with `read()`: `read()` of a
 * paused stream concatenates whatever is buffered, and object bodies must not be copied.
 */
import { Readable } from 'node:stream';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { incompleteBody } from './payload-errors.ts';

export abstract class PayloadStream extends Readable {
  readonly #source: Readable;
  #attached = false;
  /** Ended, failed or destroyed: nothing more is taken from the source. */
  #settled = false;
  #sourceEnded = false;

  constructor(source: Readable) {
    super();
    this.#source = source;
  }

  /** Decodes one piece of the raw body, pushing object bytes. Throws an S3Error to fail the body. */
  protected abstract consume(chunk: Buffer): void;

  /** The raw body ended; throws when it is incomplete or fails verification. */
  protected abstract complete(): void;

  override _read(): void {
    if (this.#settled) return;
    if (!this.#attached) {
      this.#attach();
      return;
    }
    this.#source.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // The consumer gave up (disk full, body too large): stop decoding and let the rest drain.
    this.#settle();
    callback(error);
  }

  #attach(): void {
    this.#attached = true;
    const source = this.#source;
    if (source.readableEnded) return this.#onEnd();
    if (source.destroyed) return this.#fail(incompleteBody('the request body was already closed'));
    source.on('data', this.#onData);
    source.once('end', this.#onEnd);
    source.on('error', this.#onError);
    source.once('close', this.#onClose);
  }

  #detach(): void {
    const source = this.#source;
    source.off('data', this.#onData);
    source.off('end', this.#onEnd);
    source.off('error', this.#onError);
    source.off('close', this.#onClose);
  }

  #onData = (chunk: Buffer | string): void => {
    if (this.#settled) return;
    try {
      this.consume(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    } catch (error) {
      return this.#fail(error);
    }
    if (!this.#settled && this.readableLength >= this.readableHighWaterMark) this.#source.pause();
  };

  #onEnd = (): void => {
    this.#sourceEnded = true;
    if (this.#settled) return;
    try {
      this.complete();
    } catch (error) {
      return this.#fail(error);
    }
    this.#settle();
    this.push(null);
  };

  #onError = (error: Error): void => {
    // A client that goes away mid-body surfaces as ECONNRESET 'aborted'; to S3 that is a short body.
    this.#fail(error instanceof S3Error ? error : incompleteBody(`request body stream failed: ${error.message}`));
  };

  #onClose = (): void => {
    if (!this.#sourceEnded) this.#fail(incompleteBody('the connection closed before the body ended'));
  };

  #settle(): void {
    if (this.#settled) return;
    this.#settled = true;
    if (!this.#attached) return;
    this.#detach();
    // Unread bytes are discarded, as node does for bodies nobody reads, so the connection can
    // carry the error response; closing it instead is the http layer's choice.
    if (!this.#source.destroyed && !this.#sourceEnded) this.#source.resume();
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settle();
    this.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
