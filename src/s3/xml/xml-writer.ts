/**
 * Writing S3's XML: AWS sends the declaration, one `\n`, then unindented XML. Builders are plain
 * string concatenation (no per-request builder objects); every text goes through xmlEscape.
 */
import { xmlEscape } from '../../lib/xml-escape.ts';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** `<name>escaped text</name>` */
export function el(name: string, text: string | number | boolean): string {
  return `<${name}>${typeof text === 'string' ? xmlEscape(text) : String(text)}</${name}>`;
}

/** `<name>escaped text</name>`, or nothing when the value is undefined. */
export function optionalEl(name: string, text: string | number | boolean | undefined): string {
  return text === undefined ? '' : el(name, text);
}

/** A success document: declaration and a root element in the S3 namespace. */
export function s3Document(root: string, inner: string): string {
  return `${XML_DECLARATION}<${root} xmlns="${S3_XMLNS}">${inner}</${root}>`;
}
