/**
 * A streaming multipart/form-data reader (RFC 7578 over RFC 2046 §5.1), pulled part by part:
 * `nextPart()` returns the next part's headers, `readChunk()` / `readBody()` its body, `finish()`
 * reads on to the close delimiter. Nothing is buffered beyond what the caller asks for plus the
 * few bytes that may begin a delimiter: a file part's bytes go out in the pieces the network
 * delivered them (sub-slices, never copies of whole chunks beyond one small concat).
 *
 * The source is read in flowing mode and paused after every chunk (as PayloadStream does), so
 * backpressure reaches the socket and `100 Continue` goes out on the first read. Syntax errors
 * and a body that ends early are MalformedPOSTRequest, AWS's answer for "not well-formed
 * multipart/form-data" (sigv2-and-post.md §4).
 */
import type { Readable } from 'node:stream';
import { S3Error } from '../errors/s3-error.ts';
import { parsePartHeaders, type PartHeaders } from './part-headers.ts';

export type { PartHeaders } from './part-headers.ts';

const CRLF = Buffer.from('\r\n');
const DASH = 0x2d;
const EMPTY = Buffer.alloc(0);

/** The header block of a part after the file, whose bytes count against no other limit. */
export const MAX_TRAILING_HEADER_BYTES = 8 * 1024;

export class MultipartReader {
  readonly #source: Readable;
  /** `\r\n--boundary`: every delimiter, the first one included once `\r\n` is put before the body. */
  readonly #delimiter: Buffer;
  /** Unparsed bytes already taken from the source. */
  #buffer: Buffer = CRLF;
  /** Bytes taken from the source, so `position` can say how far parsing got. */
  #pulled = 0;
  /** 'body': inside a part (or the preamble); 'delimiter': just after one; 'done': close delimiter seen. */
  #state: 'body' | 'delimiter' | 'done' = 'body';
  readonly #queue: Buffer[] = [];
  #waiter: { resolve: (chunk: Buffer | undefined) => void; reject: (error: Error) => void } | undefined;
  #ended = false;
  #failure: Error | undefined;
  #attached = false;
  #discarding = false;

  constructor(source: Readable, boundary: string) {
    this.#source = source;
    this.#delimiter = Buffer.from('\r\n--' + boundary, 'latin1');
  }

  /** Bytes of the body parsed so far (the preamble, delimiters, headers and bodies read). */
  get position(): number {
    // The CRLF put before the body is not the client's: until it is parsed, nothing is.
    return Math.max(0, this.#pulled - this.#buffer.length);
  }

  /**
   * Skips what is left of the current part (or the preamble) and reads the next part's headers;
   * undefined after the close delimiter. Throws MaxPostPreDataLengthExceededError when
   * `position` would pass `maxPosition` first.
   */
  async nextPart(maxPosition = Infinity): Promise<PartHeaders | undefined> {
    while (this.#state === 'body') {
      if ((await this.readChunk()) === undefined) break;
      if (this.position > maxPosition) throw preDataTooLarge();
    }
    if (this.#state === 'done') return undefined;
    // After a delimiter: `--` closes the body; otherwise optional padding, then CRLF.
    await this.#fill(2);
    if (this.#buffer[0] === DASH && this.#buffer[1] === DASH) {
      this.#state = 'done';
      this.#buffer = this.#buffer.subarray(2);
      return undefined;
    }
    const lines: string[] = [];
    let first = true;
    for (;;) {
      const line =
        maxPosition - this.position < MAX_TRAILING_HEADER_BYTES
          ? await this.#readLine(maxPosition - this.position, preDataTooLarge)
          : await this.#readLine(MAX_TRAILING_HEADER_BYTES, () => malformed('part headers too long'));
      if (first) {
        // The rest of the delimiter line may only be transport padding (RFC 2046 §5.1.1).
        if (!/^[ \t]*$/.test(line)) throw malformed('text after a boundary delimiter');
        first = false;
        continue;
      }
      if (line === '') break;
      lines.push(line);
      if (this.position > maxPosition) throw preDataTooLarge();
    }
    this.#state = 'body';
    return parsePartHeaders(lines);
  }

  /** The next piece of the current part's body; undefined once the part has ended. */
  async readChunk(): Promise<Buffer | undefined> {
    if (this.#state !== 'body') return undefined;
    const tail = this.#delimiter.length - 1;
    for (;;) {
      const buffer = this.#buffer;
      const at = buffer.indexOf(this.#delimiter);
      if (at !== -1) {
        this.#buffer = buffer.subarray(at + this.#delimiter.length);
        this.#state = 'delimiter';
        return at === 0 ? undefined : buffer.subarray(0, at);
      }
      // Keep only what may be the start of a delimiter split across chunks.
      if (buffer.length > tail) {
        this.#buffer = buffer.subarray(buffer.length - tail);
        return buffer.subarray(0, buffer.length - tail);
      }
      const chunk = await this.#pull();
      if (chunk === undefined) throw malformed('the body ended inside a part');
      this.#buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    }
  }

  /**
   * The whole body of the current part, at most `maxBytes` (else MaxPostPreDataLengthExceededError):
   * for the small fields before the file.
   */
  async readBody(maxBytes: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    let size = 0;
    for (let piece = await this.readChunk(); piece !== undefined; piece = await this.readChunk()) {
      size += piece.length;
      if (size > maxBytes) throw preDataTooLarge();
      pieces.push(piece);
    }
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size);
  }

  /**
   * Reads the remaining parts (their bodies discarded) up to the close delimiter, then the
   * epilogue to the end of the request. Throws MalformedPOSTRequest if the close delimiter never comes.
   */
  async finish(): Promise<void> {
    while ((await this.nextPart()) !== undefined);
    this.#buffer = EMPTY;
    while ((await this.#pull()) !== undefined);
  }

  /**
   * Nobody will read on (an error answered the request): let the rest of the body flow into the
   * void so the connection can carry the response, as node does for bodies nobody reads.
   */
  discardRest(): void {
    if (this.#discarding) return;
    this.#discarding = true;
    this.#queue.length = 0;
    this.#buffer = EMPTY;
    this.#waiter?.reject(malformed('the form was abandoned'));
    this.#waiter = undefined;
    if (!this.#attached) this.#attach();
    if (!this.#ended && !this.#source.destroyed) this.#source.resume();
  }

  /** Reads until at least `n` unparsed bytes are buffered. */
  async #fill(n: number): Promise<void> {
    while (this.#buffer.length < n) {
      const chunk = await this.#pull();
      if (chunk === undefined) throw malformed('the body ended after a boundary delimiter');
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
    }
  }

  /** One CRLF-terminated line (latin1, to be decoded by the caller), at most `maxBytes` long. */
  async #readLine(maxBytes: number, tooLong: () => S3Error): Promise<string> {
    let searched = 0;
    for (;;) {
      const at = this.#buffer.indexOf(CRLF, Math.max(0, searched - 1));
      if (at !== -1) {
        const line = this.#buffer.toString('latin1', 0, at);
        this.#buffer = this.#buffer.subarray(at + 2);
        return line;
      }
      searched = this.#buffer.length;
      if (searched > maxBytes) throw tooLong();
      const chunk = await this.#pull();
      if (chunk === undefined) throw malformed('the body ended inside part headers');
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
    }
  }

  /** The next chunk of the source, or undefined at its end. */
  #pull(): Promise<Buffer | undefined> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return Promise.resolve(this.#count(queued));
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#ended) return Promise.resolve(undefined);
    if (!this.#attached) this.#attach();
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve: (chunk) => resolve(chunk === undefined ? undefined : this.#count(chunk)), reject };
      this.#source.resume();
    });
  }

  #count(chunk: Buffer): Buffer {
    this.#pulled += chunk.length;
    return chunk;
  }

  #attach(): void {
    this.#attached = true;
    const source = this.#source;
    if (source.readableEnded) {
      this.#ended = true;
      return;
    }
    if (source.destroyed) {
      this.#failure = malformed('the request body was already closed');
      return;
    }
    source.pause();
    source.on('data', (chunk: Buffer | string) => {
      if (this.#discarding) return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
      source.pause();
      const waiter = this.#waiter;
      this.#waiter = undefined;
      if (waiter) waiter.resolve(buffer);
      else this.#queue.push(buffer);
    });
    source.once('end', () => {
      this.#ended = true;
      this.#settle(undefined);
    });
    source.on('error', (error: Error) => this.#settle(error));
    source.once('close', () => {
      if (!this.#ended) this.#settle(malformed('the connection closed before the body ended'));
    });
  }

  #settle(error: Error | undefined): void {
    if (error !== undefined && !this.#ended) this.#failure ??= error instanceof S3Error ? error : malformed(error.message);
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (waiter === undefined) return;
    if (this.#failure) waiter.reject(this.#failure);
    else waiter.resolve(undefined);
  }
}

export function malformed(reason: string): S3Error {
  return new S3Error('MalformedPOSTRequest', { reason });
}

export function preDataTooLarge(): S3Error {
  return new S3Error('MaxPostPreDataLengthExceededError', { reason: 'the form fields before the file are too large' });
}
