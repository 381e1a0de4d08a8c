import { QueryParams } from '../s3/s3-request.ts';
import { S3Error } from '../s3/errors/s3-error.ts';
import { percentDecode } from '../lib/percent-decode.ts';

/** `a=1&b&c=` → [['a','1'],['b',''],['c','']]; empty pieces dropped; `+` is a space. */
export function parseQuery(rawQuery: string): QueryParams {
  if (rawQuery === '') return EMPTY;
  const pairs: Array<[string, string]> = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = percentDecode(eq === -1 ? piece : piece.slice(0, eq), { plusAsSpace: true });
    const value = eq === -1 ? '' : percentDecode(piece.slice(eq + 1), { plusAsSpace: true });
    if (name === undefined || value === undefined) throw new S3Error('InvalidURI');
    pairs.push([name, value]);
  }
  return new QueryParams(pairs);
}

const EMPTY = new QueryParams([]);
