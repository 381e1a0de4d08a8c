/**
 * Verifies the signature chain of a signed aws-chunked body (sigv4.md §5.3, §5.5): each chunk
 * signs its data hash and the previous signature, starting from the seed signature of the
 * request, so chunks can be neither altered nor reordered; the trailer signs the canonical
 * trailer and the final chunk's signature.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SignedAuthentication } from '../authentication.ts';
import { chunkSignatureMismatch } from './payload-errors.ts';

export type SigningSeed = NonNullable<SignedAuthentication['seed']>;

/** SHA-256 of no bytes, hex: the fifth line of every chunk string to sign. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export class ChunkSigner {
  readonly #seed: SigningSeed;
  readonly #accessKeyId: string;
  #previous: string;
  #chunks = 0;

  constructor(seed: SigningSeed, accessKeyId: string) {
    this.#seed = seed;
    this.#accessKeyId = accessKeyId;
    this.#previous = seed.signature;
  }

  /** The signature the next link chains from (the final chunk's, once all chunks are verified). */
  get previousSignature(): string {
    return this.#previous;
  }

  /** Checks the next chunk, given the hex SHA-256 of its data; throws SignatureDoesNotMatch. */
  verifyChunk(dataSha256: string, provided: string | undefined): void {
    this.#chunks++;
    const stringToSign =
      'AWS4-HMAC-SHA256-PAYLOAD\n' +
      `${this.#seed.amzDate}\n${this.#seed.scopeString}\n${this.#previous}\n${EMPTY_SHA256}\n${dataSha256}`;
    this.#verify(stringToSign, provided, `chunk ${this.#chunks}`);
  }

  /** Checks the trailer signature over the canonical trailer (`name:value\n` per trailer). */
  verifyTrailer(canonicalTrailer: string, provided: string | undefined): void {
    const trailerHash = createHash('sha256').update(canonicalTrailer, 'utf8').digest('hex');
    const stringToSign =
      'AWS4-HMAC-SHA256-TRAILER\n' + `${this.#seed.amzDate}\n${this.#seed.scopeString}\n${this.#previous}\n${trailerHash}`;
    this.#verify(stringToSign, provided, 'trailer');
  }

  #verify(stringToSign: string, provided: string | undefined, what: string): void {
    const expected = createHmac('sha256', this.#seed.signingKey).update(stringToSign, 'utf8').digest('hex');
    if (!sameSignature(expected, provided)) {
      throw chunkSignatureMismatch({
        accessKeyId: this.#accessKeyId,
        stringToSign,
        signatureProvided: provided ?? '',
        canonicalRequest: this.#seed.canonicalRequest,
        reason: provided === undefined ? `${what} carries no signature` : `${what} signature does not match`,
      });
    }
    this.#previous = expected;
  }
}

function sameSignature(expected: string, provided: string | undefined): boolean {
  if (provided === undefined || provided.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(provided, 'latin1'));
}
