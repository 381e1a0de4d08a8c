/**
 * GetBucketAcl / GetObjectAcl's answer in AWS's exact shape (../shared/spec/policy-evaluation.md
 * §8.2): Owner (ID, DisplayName), then one Grant per grant whose Grantee declares the XSI
 * namespace and its xsi:type on itself. DisplayName is written when known (AWS is phasing it out;
 * clients treat it as optional).
 */
import { el, optionalEl, s3Document } from '../../s3/xml/xml-writer.ts';
import type { Acl, AclGrantee } from './acl.ts';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export function accessControlPolicyXml(acl: Acl): string {
  let grants = '';
  for (const g of acl.grants) grants += '<Grant>' + granteeXml(g.grantee) + el('Permission', g.permission) + '</Grant>';
  return s3Document(
    'AccessControlPolicy',
    '<Owner>' + el('ID', acl.owner.id) + optionalEl('DisplayName', acl.owner.displayName) + '</Owner>' +
      '<AccessControlList>' + grants + '</AccessControlList>',
  );
}

function granteeXml(g: AclGrantee): string {
  const open = `<Grantee xmlns:xsi="${XSI_NAMESPACE}" xsi:type="${g.type}">`;
  switch (g.type) {
    case 'CanonicalUser':
      return open + el('ID', g.id) + optionalEl('DisplayName', g.displayName) + '</Grantee>';
    case 'AmazonCustomerByEmail':
      return open + el('EmailAddress', g.emailAddress) + '</Grantee>';
    case 'Group':
      return open + el('URI', g.uri) + '</Grantee>';
  }
}
