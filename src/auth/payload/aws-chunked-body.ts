/**
 * Decodes an aws-chunked body (sigv4.md §5) as a streaming state machine: object bytes go
 * downstream as slices of the incoming buffers (never copied, never held back), and only a
 * chunk header or trailer line that straddles two buffers is copied, into one small buffer.
 * Framing may be split at any byte.
 *
 * Signed chunks are verified when their last byte has arrived, so a bad chunk's bytes may
 * already be downstream: the stream errors before it ends, and the blob store commits only on
 * end (see PayloadStream). Order of checks per chunk header: chunk size rule, decoded length;
 * per chunk end: signature; at the final chunk: its signature, decoded length; then trailers.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parseChunkHeader } from './chunk-header.ts';
import { ChunkSigner, EMPTY_SHA256 } from './chunk-signer.ts';
import { incompleteBody, invalidChunkSize, malformedTrailer } from './payload-errors.ts';
import { PayloadStream } from './payload-stream.ts';
import { TrailerBlock } from './trailer-block.ts';

export interface AwsChunkedBodyOptions {
  /** x-amz-decoded-content-length: the object size the chunks must add up to. */
  decodedLength: number;
  /** Content-Length (the encoded size), when sent; absent with Transfer-Encoding: chunked. */
  contentLength: number | undefined;
  /** Verifies chunk and trailer signatures; absent for STREAMING-UNSIGNED-PAYLOAD-TRAILER. */
  signer: ChunkSigner | undefined;
  /** Lower-case trailer names from x-amz-trailer; empty when no trailer is expected. */
  declaredTrailers: ReadonlyArray<string>;
  /** Whether a trailer block (and, with a signer, its signature) follows the final chunk. */
  trailer: 'none' | 'unsigned' | 'signed';
  /** Minimum size of a signed chunk other than the last data chunk (sigv4.md §5.2: 8192). */
  minChunkSize: number;
}

/** A chunk header carries a size, a 64-hex signature and maybe extensions; 4 KiB is plenty. */
const MAX_LINE = 4096;
const CR = 0x0d;
const LF = 0x0a;

type State = 'header' | 'data' | 'data-cr' | 'data-lf' | 'trailer' | 'done';

export class AwsChunkedBody extends PayloadStream {
  readonly #options: AwsChunkedBodyOptions;
  readonly #trailerBlock: TrailerBlock;
  #trailers: ReadonlyMap<string, string> | undefined;
  #state: State = 'header';
  /** A header or trailer line split across incoming buffers. */
  readonly #line = Buffer.allocUnsafe(MAX_LINE);
  #lineLength = 0;
  #received = 0;
  #decoded = 0;
  #chunks = 0;
  #remaining = 0;
  #previousDataSize: number | undefined;
  #chunkHash: Hash | undefined;
  #chunkSignature: string | undefined;

  constructor(source: Readable, options: AwsChunkedBodyOptions) {
    super(source);
    if (options.trailer === 'signed' && options.signer === undefined) throw new Error('a signed trailer needs a signer');
    this.#options = options;
    this.#trailerBlock = new TrailerBlock({ declared: options.declaredTrailers, signed: options.trailer === 'signed' });
  }

  /** Trailing headers by lower-case name; throws until the body has been fully decoded. */
  trailers(): ReadonlyMap<string, string> {
    if (this.#trailers === undefined) throw new Error('aws-chunked trailers are available once the body has ended');
    return this.#trailers;
  }

  protected consume(buf: Buffer): void {
    this.#received += buf.length;
    const n = buf.length;
    let pos = 0;
    // A consumer may destroy the stream from inside push(); stop decoding then.
    while (pos < n && !this.destroyed) {
      switch (this.#state) {
        case 'header':
        case 'trailer':
          pos = this.#takeLine(buf, pos);
          break;
        case 'data': {
          const end = Math.min(n, pos + this.#remaining);
          const slice = buf.subarray(pos, end);
          this.#chunkHash?.update(slice);
          this.push(slice);
          this.#remaining -= end - pos;
          pos = end;
          if (this.#remaining === 0) this.#endChunk();
          break;
        }
        case 'data-cr':
          if (buf[pos++] !== CR) throw incompleteBody(`chunk ${this.#chunks} data is not followed by CRLF`);
          this.#state = 'data-lf';
          break;
        case 'data-lf':
          if (buf[pos++] !== LF) throw incompleteBody(`chunk ${this.#chunks} data is not followed by CRLF`);
          this.#state = 'header';
          break;
        case 'done':
          throw malformedTrailer('data after the end of the aws-chunked body');
      }
    }
  }

  protected complete(): void {
    // A short body is IncompleteBody even where the cut also left a trailer incomplete.
    const { contentLength } = this.#options;
    if (contentLength !== undefined && this.#received !== contentLength) {
      throw incompleteBody(`received ${this.#received} of Content-Length ${contentLength} bytes`);
    }
    // Lenient, as other S3 servers are: the empty line closing the trailer block may be omitted.
    if (this.#state === 'trailer' && this.#lineLength === 0) this.#finishTrailers();
    if (this.#state !== 'done') throw incompleteBody(`aws-chunked body ended in state ${this.#state}`);
  }

  /** Consumes up to the end of a line (or of `buf`); returns the new position. */
  #takeLine(buf: Buffer, pos: number): number {
    const lf = buf.indexOf(LF, pos);
    if (lf === -1) {
      this.#appendLine(buf, pos, buf.length);
      return buf.length;
    }
    let line = buf;
    let start = pos;
    let end = lf;
    if (this.#lineLength > 0) {
      this.#appendLine(buf, pos, lf);
      line = this.#line;
      start = 0;
      end = this.#lineLength;
    } else if (end - start > MAX_LINE) {
      this.#lineTooLong();
    }
    if (end > start && line[end - 1] === CR) end--;
    this.#lineLength = 0;
    if (this.#state === 'header') this.#onHeader(line, start, end);
    else this.#onTrailerLine(line, start, end);
    return lf + 1;
  }

  #appendLine(buf: Buffer, from: number, to: number): void {
    if (this.#lineLength + (to - from) > MAX_LINE) this.#lineTooLong();
    buf.copy(this.#line, this.#lineLength, from, to);
    this.#lineLength += to - from;
  }

  #lineTooLong(): never {
    if (this.#state === 'header') throw incompleteBody('aws-chunked chunk header line too long');
    throw malformedTrailer('trailer line too long');
  }

  #onHeader(line: Buffer, start: number, end: number): void {
    const header = parseChunkHeader(line, start, end);
    if (header === undefined) {
      throw incompleteBody(`malformed aws-chunked header: ${JSON.stringify(line.toString('latin1', start, Math.min(end, start + 100)))}`);
    }
    this.#chunks++;
    const { signer, decodedLength, minChunkSize } = this.#options;
    const previous = this.#previousDataSize;
    if (header.size > 0 && signer !== undefined && previous !== undefined && previous < minChunkSize) {
      throw invalidChunkSize(this.#chunks - 1, previous);
    }
    if (this.#decoded + header.size > decodedLength) {
      throw incompleteBody(`chunks exceed x-amz-decoded-content-length ${decodedLength}`);
    }
    this.#decoded += header.size;
    if (header.size === 0) {
      signer?.verifyChunk(EMPTY_SHA256, header.signature);
      if (this.#decoded !== decodedLength) {
        throw incompleteBody(`chunks hold ${this.#decoded} of x-amz-decoded-content-length ${decodedLength} bytes`);
      }
      this.#state = 'trailer';
      return;
    }
    this.#previousDataSize = header.size;
    this.#remaining = header.size;
    this.#chunkSignature = header.signature;
    this.#chunkHash = signer === undefined ? undefined : createHash('sha256');
    this.#state = 'data';
  }

  #endChunk(): void {
    const { signer } = this.#options;
    if (signer !== undefined) signer.verifyChunk(this.#chunkHash!.digest('hex'), this.#chunkSignature);
    this.#chunkHash = undefined;
    this.#state = 'data-cr';
  }

  #onTrailerLine(line: Buffer, start: number, end: number): void {
    if (start === end) return this.#finishTrailers();
    if (this.#options.trailer === 'none') throw malformedTrailer('trailing data after the final chunk');
    this.#trailerBlock.addLine(line.toString('utf8', start, end));
  }

  #finishTrailers(): void {
    const block = this.#trailerBlock.finish();
    if (this.#options.trailer === 'signed') this.#options.signer!.verifyTrailer(block.canonical, block.signature);
    this.#trailers = block.values;
    this.#state = 'done';
  }
}
