/**
 * The AccessControlPolicy document of PutBucketAcl / PutObjectAcl
 * (../shared/spec/policy-evaluation.md §8.2). A body that is not well-formed XML, or whose root is
 * not AccessControlPolicy, is 400 MalformedXML; a well-formed document that does not follow the
 * ACL schema (no Owner/ID, a Grantee without xsi:type or without its identifier, an unknown
 * Permission, more than 100 grants) is 400 MalformedACLError, as AWS separates the two.
 * E-mail grantees are returned unresolved (see resolveGrantees).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { S3Error, invalidArgument, malformedXml } from '../../s3/errors/s3-error.ts';
import { GROUP_URIS, MAX_GRANTS, isCanonicalId, isPermission, type Acl, type AclGrant, type AclGrantee } from './acl.ts';

type Node = { [name: string]: Value };
type Value = string | Node | Value[];

export function parseAccessControlPolicy(body: Buffer): Acl {
  const text = body.toString('utf8');
  if (text.trim() === '' || XMLValidator.validate(text) !== true) throw malformedXml();
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    // xsi:type arrives as @type whatever prefix the client bound the XSI namespace to.
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => name === 'Grant',
  });
  const doc = parser.parse(text) as Node;
  const root = doc['AccessControlPolicy'];
  if (root === undefined) throw malformedXml();
  const policy = asNode(root, 'AccessControlPolicy');

  const ownerNode = policy['Owner'];
  if (ownerNode === undefined) throw malformedAcl('missing Owner');
  const owner = asNode(ownerNode, 'Owner');
  const ownerId = requiredText(owner, 'ID', 'Owner');
  const ownerName = optionalText(owner, 'DisplayName');

  const listNode = policy['AccessControlList'];
  const list = listNode === undefined ? {} : asNode(listNode, 'AccessControlList');
  const grantNodes = list['Grant'] === undefined ? [] : (list['Grant'] as Value[]);
  if (grantNodes.length > MAX_GRANTS) throw malformedAcl(`${grantNodes.length} grants; at most ${MAX_GRANTS}`);
  const grants = grantNodes.map((g) => parseGrant(asNode(g, 'Grant')));
  return { owner: ownerName === undefined ? { id: ownerId } : { id: ownerId, displayName: ownerName }, grants };
}

function parseGrant(grant: Node): AclGrant {
  const granteeNode = grant['Grantee'];
  if (granteeNode === undefined) throw malformedAcl('Grant without Grantee');
  const grantee = parseGrantee(asNode(granteeNode, 'Grantee'));
  const permission = requiredText(grant, 'Permission', 'Grant');
  if (!isPermission(permission)) throw malformedAcl(`unknown Permission ${JSON.stringify(permission)}`);
  return { grantee, permission };
}

function parseGrantee(node: Node): AclGrantee {
  const type = node['@type'];
  switch (type) {
    case 'CanonicalUser': {
      const id = requiredText(node, 'ID', 'Grantee');
      if (!isCanonicalId(id)) throw invalidArgument('Invalid id', 'CanonicalUser/ID', id);
      const displayName = optionalText(node, 'DisplayName');
      return displayName === undefined ? { type, id: id.toLowerCase() } : { type, id: id.toLowerCase(), displayName };
    }
    case 'AmazonCustomerByEmail':
      return { type, emailAddress: requiredText(node, 'EmailAddress', 'Grantee') };
    case 'Group': {
      const uri = requiredText(node, 'URI', 'Grantee');
      if (!GROUP_URIS.includes(uri)) throw invalidArgument('Invalid group uri', 'Group/URI', uri);
      return { type, uri };
    }
    default:
      throw malformedAcl(`Grantee xsi:type ${JSON.stringify(type)}`);
  }
}

function asNode(value: Value, name: string): Node {
  if (value === '') return {};
  if (typeof value === 'string' || Array.isArray(value)) throw malformedAcl(`${name} is not an element with children`);
  return value;
}

function optionalText(node: Node, name: string): string | undefined {
  const v = node[name];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (!Array.isArray(v) && Object.keys(v).every((k) => k === '#text' || k.startsWith('@'))) return String(v['#text'] ?? '');
  throw malformedAcl(`${name} is not a text element`);
}

function requiredText(node: Node, name: string, parent: string): string {
  const v = optionalText(node, name);
  if (v === undefined || v === '') throw malformedAcl(`${parent} without ${name}`);
  return v;
}

function malformedAcl(reason: string): S3Error {
  return new S3Error('MalformedACLError', { reason });
}
