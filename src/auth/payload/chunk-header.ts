/**
 * Parses one aws-chunked chunk header line (without its line ending):
 * `HEX-SIZE *( ";" name [ "=" value ] )` (sigv4.md §5.2). Signed bodies carry
 * `chunk-signature=<64 hex>`; other extensions are ignored, as SDKs that add them expect.
 * Works on bytes: chunk headers arrive once per chunk and must not cost a regex or a string.
 */

export interface ChunkHeader {
  /** Data bytes in the chunk. */
  size: number;
  /** The `chunk-signature` extension, if present. */
  signature: string | undefined;
}

const SEMICOLON = 0x3b;
const EQUALS = 0x3d;
const CHUNK_SIGNATURE = Buffer.from('chunk-signature', 'latin1');

/** Undefined when the line is not a chunk header. */
export function parseChunkHeader(line: Buffer, start: number, end: number): ChunkHeader | undefined {
  let i = start;
  let size = 0;
  let digits = 0;
  for (; i < end; i++) {
    const d = hexValue(line[i]!);
    if (d < 0) break;
    size = size * 16 + d;
    digits++;
  }
  // Above 2^53 the size can no longer be exact; no body is that large anyway.
  if (digits === 0 || size > Number.MAX_SAFE_INTEGER) return undefined;
  i = skipBlanks(line, i, end);
  let signature: string | undefined;
  while (i < end) {
    if (line[i] !== SEMICOLON) return undefined;
    const nameStart = skipBlanks(line, i + 1, end);
    let j = nameStart;
    while (j < end && line[j] !== EQUALS && line[j] !== SEMICOLON) j++;
    const nameEnd = trimEnd(line, nameStart, j);
    let valueStart = j;
    let valueEnd = j;
    if (j < end && line[j] === EQUALS) {
      valueStart = skipBlanks(line, j + 1, end);
      j = valueStart;
      while (j < end && line[j] !== SEMICOLON) j++;
      valueEnd = trimEnd(line, valueStart, j);
    }
    if (nameEnd - nameStart === CHUNK_SIGNATURE.length && line.compare(CHUNK_SIGNATURE, 0, CHUNK_SIGNATURE.length, nameStart, nameEnd) === 0) {
      signature = line.toString('latin1', valueStart, valueEnd);
    }
    i = j;
  }
  return { size, signature };
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

function isBlank(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09;
}

function skipBlanks(line: Buffer, i: number, end: number): number {
  while (i < end && isBlank(line[i])) i++;
  return i;
}

function trimEnd(line: Buffer, start: number, end: number): number {
  while (end > start && isBlank(line[end - 1])) end--;
  return end;
}
