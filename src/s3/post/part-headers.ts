/**
 * The headers of one multipart/form-data part (RFC 7578 §4.2): `Content-Disposition: form-data;
 * name="…"; filename="…"` and the part's `Content-Type`. Browsers send names and file names as
 * raw UTF-8 inside quoted strings (HTML escapes `"` as `%22`); curl escapes it as `\"`; RFC 5987
 * `filename*=UTF-8''…` is understood too. Anything else is not form data: MalformedPOSTRequest.
 */
import { S3Error } from '../errors/s3-error.ts';

export interface PartHeaders {
  /** The field name as sent. */
  name: string;
  /** The file name, when the part carries one ('' is a file part with an empty name). */
  filename: string | undefined;
  contentType: string | undefined;
}

/** `lines`: the header lines as latin1 strings (the bytes), without their CRLFs. */
export function parsePartHeaders(lines: readonly string[]): PartHeaders {
  let disposition: string | undefined;
  let contentType: string | undefined;
  const unfolded: string[] = [];
  for (const line of lines) {
    // Obsolete line folding (RFC 5322 §2.2.3): a continuation starts with white space.
    if ((line.startsWith(' ') || line.startsWith('\t')) && unfolded.length > 0) unfolded[unfolded.length - 1] += ' ' + line.trim();
    else unfolded.push(line);
  }
  for (const raw of unfolded) {
    const line = Buffer.from(raw, 'latin1').toString('utf8');
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformedPart(`part header without a colon: ${line}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition ??= value;
    else if (name === 'content-type') contentType ??= value;
  }
  if (disposition === undefined) throw malformedPart('part without Content-Disposition');
  const { type, params } = parseHeaderParams(disposition);
  if (type.toLowerCase() !== 'form-data') throw malformedPart(`Content-Disposition ${type} is not form-data`);
  const name = params.get('name');
  if (name === undefined) throw malformedPart('part without a name');
  const extended = params.get('filename*');
  const filename = extended !== undefined ? decodeExtendedValue(extended) ?? params.get('filename') : params.get('filename');
  return { name, filename, contentType };
}

/** `type; a=b; c="d"` → the type and the parameters by lower-case name (the first of each wins). */
export function parseHeaderParams(value: string): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  let i = value.indexOf(';');
  const type = (i === -1 ? value : value.slice(0, i)).trim();
  while (i !== -1 && i < value.length) {
    i++;
    while (value[i] === ' ' || value[i] === '\t') i++;
    const eq = value.indexOf('=', i);
    const semi = value.indexOf(';', i);
    if (eq === -1 || (semi !== -1 && semi < eq)) {
      // A parameter without a value: skip it.
      i = semi;
      continue;
    }
    const name = value.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    while (value[j] === ' ' || value[j] === '\t') j++;
    let text: string;
    if (value[j] === '"') {
      text = '';
      j++;
      for (; j < value.length && value[j] !== '"'; j++) {
        // Quoted-pair, for `\"` and `\\` only: browsers put Windows paths here unescaped.
        if (value[j] === '\\' && (value[j + 1] === '"' || value[j + 1] === '\\')) j++;
        text += value[j];
      }
      if (j >= value.length) throw malformedPart('unterminated quoted string in a part header');
      i = value.indexOf(';', j + 1);
    } else {
      i = value.indexOf(';', j);
      text = (i === -1 ? value.slice(j) : value.slice(j, i)).trim();
    }
    if (name !== '' && !params.has(name)) params.set(name, text);
  }
  return { type, params };
}

/** RFC 5987 `charset'lang'percent-encoded`; undefined when it cannot be decoded. */
function decodeExtendedValue(value: string): string | undefined {
  const m = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (m === null) return undefined;
  const charset = m[1]!.toLowerCase();
  if (charset !== 'utf-8' && charset !== 'iso-8859-1') return undefined;
  const bytes: number[] = [];
  const text = m[2]!;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString(charset === 'utf-8' ? 'utf8' : 'latin1');
}

function malformedPart(reason: string): S3Error {
  return new S3Error('MalformedPOSTRequest', { reason });
}
