/**
 * The XML of the AWS Query protocol (STS, IAM): pretty-printed with 2-space indentation and a
 * trailing newline, no `<?xml …?>` declaration (../shared/spec/sts-iam.md §1). A document is
 * described as nested [name, children] pairs and printed once.
 */
import { xmlEscape } from '../lib/xml-escape.ts';

/** An element: its text, or its children (undefined children are skipped: optional elements). */
export type XmlElement = readonly [name: string, content: string | number | boolean | ReadonlyArray<XmlElement | undefined>];

export function printXml(root: XmlElement, attributes = ''): string {
  return print(root, 0, attributes) + '\n';
}

function print([name, content]: XmlElement, depth: number, attributes = ''): string {
  const pad = '  '.repeat(depth);
  const open = attributes ? `<${name} ${attributes}>` : `<${name}>`;
  if (!Array.isArray(content)) {
    return `${pad}${open}${xmlEscape(String(content))}</${name}>`;
  }
  const children = (content as ReadonlyArray<XmlElement | undefined>).filter((c): c is XmlElement => c !== undefined);
  if (children.length === 0) return `${pad}${open}</${name}>`;
  return `${pad}${open}\n${children.map((c) => print(c, depth + 1)).join('\n')}\n${pad}</${name}>`;
}

/** `<member>`-wrapped list items, as the Query protocol serialises lists. */
export function members(items: ReadonlyArray<ReadonlyArray<XmlElement | undefined> | string>): XmlElement[] {
  return items.map((item) => ['member', typeof item === 'string' ? item : item] as const);
}
