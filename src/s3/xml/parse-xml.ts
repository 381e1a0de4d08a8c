/**
 * Reading request documents. Anything that is not well-formed XML with the expected root element
 * is MalformedXML; the namespace is optional (clients send it or not). Text is kept verbatim —
 * object keys may start or end with spaces — and character references are decoded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { malformedXml } from '../errors/s3-error.ts';

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export function parseXmlDocument(body: Buffer, root: string, arrays: readonly string[] = []): XmlNode {
  const text = body.toString('utf8');
  if (text.trim() === '' || XMLValidator.validate(text) !== true) throw malformedXml();
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => arrays.includes(name),
  });
  const doc = parser.parse(text) as XmlNode;
  const top = doc[root];
  if (top === undefined) throw malformedXml();
  return typeof top === 'string' ? {} : (top as XmlNode);
}

/** A child element's text, or undefined when absent. Nested elements where text belongs are malformed. */
export function textOf(node: XmlNode, name: string): string | undefined {
  const v = node[name];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) throw malformedXml();
  // `<Key></Key>` parses as '' already; an element with children but no text is not a text field.
  if (Object.keys(v).every((k) => k === '#text')) return String(v['#text'] ?? '');
  throw malformedXml();
}

/** Child elements that may repeat, as an array of nodes. */
export function childrenOf(node: XmlNode, name: string): XmlNode[] {
  const v = node[name];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((item) => (typeof item === 'string' ? {} : (item as XmlNode)));
}
