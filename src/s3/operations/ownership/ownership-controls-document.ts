/**
 * The OwnershipControls document of Get/PutBucketOwnershipControls:
 * `<OwnershipControls><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>`.
 * AWS takes exactly one Rule with one of the three values; anything else is 400 MalformedXML.
 */
import { isObjectOwnership, type ObjectOwnership } from '../../../authz/acl/object-ownership.ts';
import { malformedXml } from '../../errors/s3-error.ts';
import { childrenOf, parseXmlDocument, textOf } from '../../xml/parse-xml.ts';
import { el, s3Document } from '../../xml/xml-writer.ts';

export function parseOwnershipControls(body: Buffer): ObjectOwnership {
  const doc = parseXmlDocument(body, 'OwnershipControls', ['Rule']);
  const rules = childrenOf(doc, 'Rule');
  if (rules.length !== 1) throw malformedXml();
  const value = textOf(rules[0]!, 'ObjectOwnership')?.trim();
  if (value === undefined || !isObjectOwnership(value)) throw malformedXml();
  return value;
}

export function ownershipControlsXml(ownership: ObjectOwnership): string {
  return s3Document('OwnershipControls', '<Rule>' + el('ObjectOwnership', ownership) + '</Rule>');
}
