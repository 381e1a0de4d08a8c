/**
 * ListBuckets — GET / (../shared/spec/s3-core.md §2.4). The caller's account's buckets, sorted by
 * name, Owner before Buckets, paged with max-buckets / continuation-token / prefix / bucket-region.
 */
import { isoMillisZero } from '../../../lib/dates.ts';
import { invalidArgument } from '../../errors/s3-error.ts';
import { KNOWN_REGIONS } from '../../regions.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, optionalEl, s3Document } from '../../xml/xml-writer.ts';
import type { Handler } from '../handler-context.ts';

export const listBuckets: Handler = async ({ req, auth, deps }) => {
  // The registry denies anonymous callers before we get here; this is for the type.
  if (auth.kind !== 'signed') throw new Error('ListBuckets requires a signed request');
  const account = auth.principal.account;
  const q = req.query;

  const prefix = q.get('prefix');
  const region = q.get('bucket-region');
  if (region !== undefined && !KNOWN_REGIONS.has(region) && region !== deps.region) {
    throw invalidArgument(`Argument value ${region} is not a valid AWS Region`, 'bucket-region', region);
  }
  const token = q.get('continuation-token');
  const maxText = q.get('max-buckets');
  let max = 10000;
  if (maxText !== undefined) {
    max = Number(maxText);
    if (!/^\d+$/.test(maxText) || max < 1 || max > 10000) {
      throw invalidArgument('Argument max-buckets must be an integer between 1 and 10000.', 'max-buckets', maxText);
    }
  }
  let after: string | undefined;
  if (token !== undefined) {
    after = Buffer.from(token, 'base64url').toString('utf8');
    if (token.length === 0 || token.length > 1024) {
      throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
    }
  }

  const all = (await deps.metadata.listBuckets(account.accountId)).filter(
    (b) =>
      (prefix === undefined || b.name.startsWith(prefix)) &&
      (region === undefined || b.region === region) &&
      (after === undefined || b.name > after),
  );
  const page = all.slice(0, max);
  const more = all.length > page.length;

  let xml = '<Owner>' + el('ID', account.canonicalId) + '</Owner><Buckets>';
  for (const b of page) {
    xml +=
      '<Bucket>' +
      el('Name', b.name) +
      el('CreationDate', isoMillisZero(b.createdAt)) +
      el('BucketRegion', b.region) +
      el('BucketArn', `arn:aws:s3:::${b.name}`) +
      '</Bucket>';
  }
  xml += '</Buckets>';
  if (more) xml += el('ContinuationToken', Buffer.from(page[page.length - 1]!.name).toString('base64url'));
  xml += optionalEl('Prefix', prefix);
  return xmlResponse(s3Document('ListAllMyBucketsResult', xml));
};
