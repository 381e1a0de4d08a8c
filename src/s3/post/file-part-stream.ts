/**
 * The `file` part of a POST form as a stream. It pulls from the multipart reader only when read
 * (so the body flows at the pace of whoever stores it), and it ends only once the rest of the
 * form — ignored fields and the close delimiter — has been read too: a form cut short after the
 * file fails the stream, so nothing is stored from it. Destroying it lets the rest of the request
 * body drain, so the connection can carry the error response.
 */
import { Readable } from 'node:stream';
import type { MultipartReader } from './multipart-reader.ts';

export class FilePartStream extends Readable {
  readonly #reader: MultipartReader;
  #pulling = false;

  constructor(reader: MultipartReader) {
    super();
    this.#reader = reader;
  }

  override _read(): void {
    if (this.#pulling) return;
    this.#pulling = true;
    this.#reader.readChunk().then(
      async (chunk) => {
        if (chunk === undefined) {
          await this.#reader.finish();
          this.push(null);
          return;
        }
        this.#pulling = false;
        this.push(chunk);
      },
    ).catch((error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#reader.discardRest();
    callback(error);
  }
}
