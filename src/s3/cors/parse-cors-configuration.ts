/**
 * PutBucketCors's document → its rules, in order, values verbatim (../shared/spec/s3-core.md
 * §10.1). This step is the schema: anything that does not validate against S3's
 * CORSConfiguration schema is MalformedXML — not well-formed, another root, no CORSRule, an
 * element S3 does not know, a rule without AllowedMethod or AllowedOrigin, a repeated ID or
 * MaxAgeSeconds, a MaxAgeSeconds that is not an xs:int, text where elements belong. What the
 * values mean (methods, wildcards, the rule count) is validateCorsRules's step.
 */
import { malformedXml } from '../errors/s3-error.ts';
import { parseXmlDocument, textOf, type XmlNode, type XmlValue } from '../xml/parse-xml.ts';
import type { CorsRule } from '../../storage/types.ts';

/** A rule before validation: its methods are whatever the document said. */
export type UncheckedCorsRule = Omit<CorsRule, 'allowedMethods'> & { allowedMethods: string[] };

const LISTS = ['AllowedHeader', 'AllowedMethod', 'AllowedOrigin', 'ExposeHeader'] as const;
const RULE_ELEMENTS: ReadonlySet<string> = new Set<string>(['ID', 'MaxAgeSeconds', ...LISTS]);
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

export function parseCorsConfiguration(body: Buffer): UncheckedCorsRule[] {
  const doc = parseXmlDocument(body, 'CORSConfiguration', ['CORSRule', ...LISTS]);
  onlyElements(doc, new Set(['CORSRule']));
  const rules = doc['CORSRule'];
  if (rules === undefined) throw malformedXml();
  return (rules as XmlValue[]).map(parseRule);
}

function parseRule(value: XmlValue): UncheckedCorsRule {
  // `<CORSRule/>` parses as '': a rule without its required elements.
  if (typeof value === 'string' || Array.isArray(value)) throw malformedXml();
  onlyElements(value, RULE_ELEMENTS);
  const allowedMethods = textsOf(value, 'AllowedMethod');
  const allowedOrigins = textsOf(value, 'AllowedOrigin');
  if (allowedMethods.length === 0 || allowedOrigins.length === 0) throw malformedXml();
  const id = textOf(value, 'ID');
  const maxAge = textOf(value, 'MaxAgeSeconds');
  return {
    ...(id !== undefined ? { id } : {}),
    allowedHeaders: textsOf(value, 'AllowedHeader'),
    allowedMethods,
    allowedOrigins,
    exposeHeaders: textsOf(value, 'ExposeHeader'),
    ...(maxAge !== undefined ? { maxAgeSeconds: parseXsInt(maxAge) } : {}),
  };
}

/** Child elements other than `allowed` (or non-blank text between them) do not validate. */
function onlyElements(node: XmlNode, allowed: ReadonlySet<string>): void {
  for (const [name, value] of Object.entries(node)) {
    if (name === '#text' ? typeof value === 'string' && value.trim() === '' : allowed.has(name)) continue;
    throw malformedXml();
  }
}

/** The texts of a repeatable text element; nested elements where text belongs are malformed. */
function textsOf(node: XmlNode, name: string): string[] {
  const value = node[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => {
    if (typeof item === 'string') return item;
    if (!Array.isArray(item) && Object.keys(item).every((k) => k === '#text')) return String(item['#text'] ?? '');
    throw malformedXml();
  });
}

/** xs:int: optional sign, digits, surrounding whitespace collapsed, 32-bit range. */
function parseXsInt(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw malformedXml();
  const n = Number(trimmed);
  if (n < INT_MIN || n > INT_MAX) throw malformedXml();
  return n === 0 ? 0 : n; // no -0
}
