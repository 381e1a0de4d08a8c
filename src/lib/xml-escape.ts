/** Escapes text for XML element content and attribute values (S3 writes `"` as `&quot;`). */
export function xmlEscape(text: string): string {
  if (!/[&<>"'\r]/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}
