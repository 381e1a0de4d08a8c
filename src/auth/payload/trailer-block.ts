/**
 * Collects the trailing headers after the final aws-chunked chunk (sigv4.md §5.5, §5.6):
 * `name:value` lines, then (signed variant) `x-amz-trailer-signature:<hex>`. Only trailers the
 * request announced in `x-amz-trailer` are accepted, each once; every announced one must come.
 * Anything else is MalformedTrailerError (errors.md §7).
 */
import { malformedTrailer } from './payload-errors.ts';

export const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

/** Bound on the whole trailer block: it holds a checksum and a signature, never data. */
const MAX_TRAILER_BYTES = 16 * 1024;

export interface Trailers {
  /** Values by lower-case name, in arrival order. */
  values: ReadonlyMap<string, string>;
  /** `name:value\n` for each trailer, the input of the trailer signature. */
  canonical: string;
  /** `x-amz-trailer-signature`, when sent. */
  signature: string | undefined;
}

export class TrailerBlock {
  readonly #declared: ReadonlySet<string>;
  readonly #signed: boolean;
  readonly #values = new Map<string, string>();
  #canonical = '';
  #signature: string | undefined;
  #bytes = 0;

  /** `declared`: lower-case names from x-amz-trailer. `signed`: a trailer signature must follow. */
  constructor(options: { declared: ReadonlyArray<string>; signed: boolean }) {
    this.#declared = new Set(options.declared);
    this.#signed = options.signed;
  }

  /** One trailer line, without its line ending; never empty (the empty line ends the block). */
  addLine(line: string): void {
    this.#bytes += line.length + 2;
    if (this.#bytes > MAX_TRAILER_BYTES) throw malformedTrailer('trailer block too large');
    if (this.#signature !== undefined) throw malformedTrailer('trailer line after x-amz-trailer-signature');
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim().toLowerCase();
    if (name === '') throw malformedTrailer(`trailer line is not name:value: ${JSON.stringify(line.slice(0, 100))}`);
    const value = line.slice(colon + 1).trim();
    if (name === TRAILER_SIGNATURE) {
      if (!this.#signed) throw malformedTrailer('x-amz-trailer-signature in an unsigned trailer');
      this.#signature = value;
      return;
    }
    if (!this.#declared.has(name)) throw malformedTrailer(`trailer ${name} was not announced in x-amz-trailer`);
    if (this.#values.has(name)) throw malformedTrailer(`trailer ${name} sent twice`);
    this.#values.set(name, value);
    this.#canonical += `${name}:${value}\n`;
  }

  /** The block ended: every announced trailer must have come, and the signature if signed. */
  finish(): Trailers {
    for (const name of this.#declared) {
      if (!this.#values.has(name)) throw malformedTrailer(`trailer ${name} announced in x-amz-trailer but not sent`);
    }
    if (this.#signed && this.#signature === undefined) throw malformedTrailer('x-amz-trailer-signature missing');
    return { values: this.#values, canonical: this.#canonical, signature: this.#signature };
  }
}
