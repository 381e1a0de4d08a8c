/**
 * `x-amz-grant-*` headers (../shared/spec/policy-evaluation.md §8.2): each a comma-separated list
 * of `type="value"` grantees — `id="<canonical id>"`, `emailAddress="<e-mail>"`,
 * `uri="<group uri>"` — all given the header's permission, e.g.
 * `x-amz-grant-read: uri="http://acs.amazonaws.com/groups/global/AllUsers", id="79a5…"`.
 * E-mail grantees are returned as such; resolveGrantees turns them into canonical users.
 */
import { S3Error, invalidArgument } from '../../s3/errors/s3-error.ts';
import { GROUP_URIS, MAX_GRANTS, isCanonicalId, type AclGrant, type AclGrantee, type AclPermission } from './acl.ts';

/** Header → permission, in the order the grants are listed in the resulting ACL. */
export const GRANT_HEADERS: ReadonlyArray<readonly [header: string, permission: AclPermission]> = [
  ['x-amz-grant-full-control', 'FULL_CONTROL'],
  ['x-amz-grant-read', 'READ'],
  ['x-amz-grant-write', 'WRITE'],
  ['x-amz-grant-read-acp', 'READ_ACP'],
  ['x-amz-grant-write-acp', 'WRITE_ACP'],
];

/** Anything headers can be read from: request headers, or the fields of a POST form. */
export interface HeaderSource {
  get(name: string): string | undefined;
}

/** Whether any `x-amz-grant-*` header is present. */
export function hasGrantHeaders(headers: HeaderSource): boolean {
  return GRANT_HEADERS.some(([name]) => headers.get(name) !== undefined);
}

/** The grants of every `x-amz-grant-*` header present (an empty list when there are none). */
export function parseGrantHeaders(headers: HeaderSource): AclGrant[] {
  const grants: AclGrant[] = [];
  for (const [name, permission] of GRANT_HEADERS) {
    const value = headers.get(name);
    if (value === undefined) continue;
    for (const grantee of parseGranteeList(name, value)) grants.push({ grantee, permission });
  }
  if (grants.length > MAX_GRANTS) throw new S3Error('MalformedACLError', { reason: `${grants.length} grants in headers; at most ${MAX_GRANTS}` });
  return grants;
}

/** `id="…", uri="…"` → grantees. Values may be quoted (as AWS documents) or bare. */
export function parseGranteeList(header: string, value: string): AclGrantee[] {
  const items = splitOutsideQuotes(value);
  if (items === undefined) throw unrecognised(header, value);
  return items.map((item) => {
    const m = /^([A-Za-z]+)\s*=\s*(?:"([^"]*)"|([^"\s]*))$/.exec(item.trim());
    if (m === null) throw unrecognised(header, value);
    const text = m[2] ?? m[3] ?? '';
    switch (m[1]!.toLowerCase()) {
      case 'id':
        if (!isCanonicalId(text)) throw invalidArgument('Invalid id', 'CanonicalUser/ID', text);
        return { type: 'CanonicalUser', id: text.toLowerCase() };
      case 'emailaddress':
        if (text === '') throw unrecognised(header, value);
        return { type: 'AmazonCustomerByEmail', emailAddress: text };
      case 'uri':
        if (!GROUP_URIS.includes(text)) throw invalidArgument('Invalid group uri', 'Group/URI', text);
        return { type: 'Group', uri: text };
      default:
        throw unrecognised(header, value);
    }
  });
}

/** Comma-separated items, commas inside double quotes kept; undefined for an unterminated quote. */
function splitOutsideQuotes(value: string): string[] | undefined {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of value) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted) return undefined;
  items.push(current);
  return items;
}

/** AWS's answer to a grant header it cannot read (wording [impl]; the spec does not pin it). */
function unrecognised(header: string, value: string): S3Error {
  return invalidArgument('Argument format not recognized', header, value);
}
