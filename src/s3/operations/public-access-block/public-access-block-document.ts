/**
 * The PublicAccessBlockConfiguration document of Get/PutPublicAccessBlock, the four flags in
 * AWS's order. On PUT an omitted flag is false (AWS API reference); a value other than
 * true/false is 400 MalformedXML.
 */
import type { PublicAccessBlock } from '../../../authz/acl/public-access-block.ts';
import { malformedXml } from '../../errors/s3-error.ts';
import { parseXmlDocument, textOf, type XmlNode } from '../../xml/parse-xml.ts';
import { el, s3Document } from '../../xml/xml-writer.ts';

export function parsePublicAccessBlock(body: Buffer): PublicAccessBlock {
  const doc = parseXmlDocument(body, 'PublicAccessBlockConfiguration');
  return {
    blockPublicAcls: flag(doc, 'BlockPublicAcls'),
    ignorePublicAcls: flag(doc, 'IgnorePublicAcls'),
    blockPublicPolicy: flag(doc, 'BlockPublicPolicy'),
    restrictPublicBuckets: flag(doc, 'RestrictPublicBuckets'),
  };
}

export function publicAccessBlockXml(config: PublicAccessBlock): string {
  return s3Document(
    'PublicAccessBlockConfiguration',
    el('BlockPublicAcls', config.blockPublicAcls) +
      el('IgnorePublicAcls', config.ignorePublicAcls) +
      el('BlockPublicPolicy', config.blockPublicPolicy) +
      el('RestrictPublicBuckets', config.restrictPublicBuckets),
  );
}

function flag(doc: XmlNode, name: string): boolean {
  const text = textOf(doc, name)?.trim().toLowerCase();
  if (text === undefined) return false;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw malformedXml();
}
