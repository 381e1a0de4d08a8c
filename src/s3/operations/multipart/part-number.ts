import { invalidArgument } from '../../errors/s3-error.ts';

/** partNumber of UploadPart / UploadPartCopy: an integer 1–10000 (s3-core.md §7.2). */
export function parsePartNumber(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !/^-?\d+$/.test(text) || n < 1 || n > 10000) {
    throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', text ?? '');
  }
  return n;
}
