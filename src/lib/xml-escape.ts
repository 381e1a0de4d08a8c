/**
 * Escapes text for XML element content as S3 does: `&`, `<`, `>`, and `"` as `&quot;` (ETags);
 * apostrophes stay literal. A carriage return becomes `&#13;`, or parsers would drop it from keys.
 */
export function xmlEscape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPABLE, (c) => ESCAPES[c]!);
}

const NEEDS_ESCAPE = /[&<>"\r]/;
const ESCAPABLE = /[&<>"\r]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
