/**
 * The flexible checksum a write declares (s3-core.md §9, errors.md §7) and its verification.
 *
 * Two steps, because the body is hashed while it streams: `declaredChecksum(headers)` runs
 * before the body is read and says which algorithm BodyDigest must compute (and rejects bad
 * headers with AWS's errors); `verifyDeclaredChecksum(...)` runs after the body ended and
 * compares the value sent (header or trailer) with the computed one.
 */
import { CHECKSUM_ALGORITHMS, checksumHeaderName, parseChecksumAlgorithm, type ChecksumAlgorithm } from '../../lib/checksum-algorithm.ts';
import { decodeChecksumValue } from '../../lib/checksums/decode-checksum-value.ts';
import { S3Error, invalidRequest } from '../../s3/errors/s3-error.ts';
import type { RequestHeaders } from '../../s3/s3-request.ts';
import { parseTrailerHeader } from './parse-trailer-header.ts';
import { malformedTrailer } from './payload-errors.ts';

export type DeclaredChecksum =
  /** Sent as `x-amz-checksum-<alg>` header; the value is already known to be well-formed. */
  | { algorithm: ChecksumAlgorithm; location: 'header'; value: string }
  /** Announced in `x-amz-trailer`; the value arrives after the body. */
  | { algorithm: ChecksumAlgorithm; location: 'trailer' };

/** Headers named x-amz-checksum-* that are not themselves checksums. */
const NOT_CHECKSUMS = new Set(['x-amz-checksum-algorithm', 'x-amz-checksum-type', 'x-amz-checksum-mode']);

const MULTIPLE = 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.';

/**
 * Which checksum the request declares, if any. Throws 400 InvalidRequest for: an unknown
 * x-amz-sdk-checksum-algorithm; more than one checksum header/trailer; a header value that is
 * not base64 of the right length; x-amz-sdk-checksum-algorithm without a matching header or
 * trailer. Unknown `x-amz-checksum-<name>` headers are ignored, like other unknown x-amz-* headers.
 */
export function declaredChecksum(headers: RequestHeaders): DeclaredChecksum | undefined {
  const sdkHeader = headers.get('x-amz-sdk-checksum-algorithm');
  const sdkAlgorithm = sdkHeader === undefined ? undefined : parseChecksumAlgorithm(sdkHeader.trim());
  if (sdkHeader !== undefined && sdkAlgorithm === undefined) {
    throw invalidRequest(
      `Checksum algorithm provided is unsupported. Please try again with any of the valid types: [${CHECKSUM_ALGORITHMS.join(', ')}]`,
    );
  }

  const found: DeclaredChecksum[] = [];
  for (const name of headers.names()) {
    if (!name.startsWith('x-amz-checksum-') || NOT_CHECKSUMS.has(name)) continue;
    const algorithm = parseChecksumAlgorithm(name.slice('x-amz-checksum-'.length));
    if (algorithm === undefined) continue;
    found.push({ algorithm, location: 'header', value: headers.get(name) ?? '' });
  }
  for (const name of parseTrailerHeader(headers.get('x-amz-trailer'))) {
    found.push({ algorithm: parseChecksumAlgorithm(name.slice('x-amz-checksum-'.length))!, location: 'trailer' });
  }
  if (found.length > 1) throw invalidRequest(MULTIPLE);

  const declared = found[0];
  if (declared?.location === 'header' && decodeChecksumValue(declared.algorithm, declared.value) === undefined) {
    throw invalidChecksumValue(declared.algorithm);
  }
  if (sdkAlgorithm !== undefined && declared?.algorithm !== sdkAlgorithm) {
    throw invalidRequest(
      'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.',
    );
  }
  return declared;
}

/**
 * After the body: the declared checksum's value (from the header, or from `trailers`) compared
 * with `computed` (BodyDigest's checksums, which must include the declared algorithm). Returns
 * the verified checksum, or undefined when none was declared (S3 then stores a CRC64NVME it
 * computes itself, s3-core.md §9). Throws 400 BadDigest on mismatch, InvalidRequest for a
 * malformed trailer value, MalformedTrailerError when an announced trailer is absent.
 */
export function verifyDeclaredChecksum(
  declared: DeclaredChecksum | undefined,
  sources: { trailers: ReadonlyMap<string, string>; computed: ReadonlyMap<ChecksumAlgorithm, string> },
): { algorithm: ChecksumAlgorithm; value: string } | undefined {
  if (declared === undefined) return undefined;
  const { algorithm } = declared;
  let value: string;
  if (declared.location === 'header') {
    value = declared.value;
  } else {
    const trailer = sources.trailers.get(checksumHeaderName(algorithm));
    if (trailer === undefined) throw malformedTrailer(`trailer ${checksumHeaderName(algorithm)} was announced but not sent`);
    // AWS's wording for trailer values is unrecorded; the header's text is the closest known.
    if (decodeChecksumValue(algorithm, trailer) === undefined) throw invalidChecksumValue(algorithm);
    value = trailer;
  }
  const computed = sources.computed.get(algorithm);
  if (computed === undefined) throw new Error(`BodyDigest did not compute the declared ${algorithm}`);
  if (computed !== value) {
    throw new S3Error('BadDigest', {
      message: `The ${algorithm} you specified did not match the calculated checksum.`,
      reason: `${algorithm} sent ${value}, computed ${computed}`,
    });
  }
  return { algorithm, value };
}

function invalidChecksumValue(algorithm: ChecksumAlgorithm): S3Error {
  return invalidRequest(`Value for ${checksumHeaderName(algorithm)} header is invalid.`);
}
