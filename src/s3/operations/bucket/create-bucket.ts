/**
 * CreateBucket — PUT /{bucket} (../shared/spec/s3-core.md §2.2): name rules, the
 * LocationConstraint table, ownership header, and the two "already exists" answers.
 */
import { BucketExistsError } from '../../../storage/errors.ts';
import { S3Error, invalidArgument } from '../../errors/s3-error.ts';
import { isValidBucketName } from '../../bucket-name.ts';
import { KNOWN_REGIONS, regionOfLocationConstraint } from '../../regions.ts';
import { emptyResponse } from '../../s3-response.ts';
import { parseXmlDocument, textOf } from '../../xml/parse-xml.ts';
import type { Handler } from '../handler-context.ts';
import { NEW_BUCKET_OWNERSHIP, type ObjectOwnership } from '../../../authz/acl/object-ownership.ts';
import { NEW_BUCKET_PUBLIC_ACCESS_BLOCK } from '../../../authz/acl/public-access-block.ts';
import { resolveRequestAcl } from '../../../authz/acl/resolve-request-acl.ts';

const OWNERSHIP = ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'] as const;

export const createBucket: Handler = async ({ req, auth, xml, deps }) => {
  if (auth.kind !== 'signed') throw new Error('CreateBucket requires a signed request');
  const name = req.bucket!;
  if (!isValidBucketName(name)) throw new S3Error('InvalidBucketName', { fields: [['BucketName', name]] });

  const ownership = req.headers.get('x-amz-object-ownership');
  if (ownership !== undefined && !(OWNERSHIP as readonly string[]).includes(ownership)) {
    throw invalidArgument(`Invalid x-amz-object-ownership header: ${ownership}`, 'x-amz-object-ownership');
  }

  const constraint = locationConstraintOf(xml);
  const region = chooseRegion(constraint, deps.region);
  const owner = {
    accountId: auth.principal.account.accountId,
    canonicalId: auth.principal.account.canonicalId,
    displayName: auth.principal.account.displayName,
  };
  // New buckets: BucketOwnerEnforced unless the header says otherwise, Block Public Access all on,
  // and the ACL the request sets (private by default) — policy-evaluation.md §8.3–8.4.
  const objectOwnership = (ownership as ObjectOwnership | undefined) ?? NEW_BUCKET_OWNERSHIP;
  const { acl } = await resolveRequestAcl({
    headers: req.headers,
    kind: 'bucket',
    ownership: objectOwnership,
    publicAccessBlock: NEW_BUCKET_PUBLIC_ACCESS_BLOCK,
    writer: owner,
    bucketOwner: owner,
    accounts: deps.accounts,
  });
  try {
    await deps.metadata.createBucket({
      name,
      region,
      locationConstraint: constraint === undefined || constraint === 'us-east-1' ? '' : constraint,
      owner,
      createdAt: deps.clock.now(),
    });
    await deps.metadata.putBucketConfig(name, 'ownership', { objectOwnership });
    await deps.metadata.putBucketConfig(name, 'public-access-block', { ...NEW_BUCKET_PUBLIC_ACCESS_BLOCK });
    await deps.metadata.putBucketConfig(name, 'acl', acl);
  } catch (e) {
    // AWS's legacy us-east-1 behaviour: re-creating your own bucket there succeeds.
    if (!(e instanceof BucketExistsError && e.ownerAccountId === owner.accountId && region === 'us-east-1' && deps.region === 'us-east-1')) {
      throw e;
    }
  }
  return emptyResponse(200, { location: `/${name}`, 'x-amz-bucket-arn': `arn:aws:s3:::${name}` });
};

function locationConstraintOf(xml: Buffer | undefined): string | undefined {
  if (xml === undefined || xml.length === 0) return undefined;
  const doc = parseXmlDocument(xml, 'CreateBucketConfiguration');
  return textOf(doc, 'LocationConstraint');
}

/** The LocationConstraint rules of an endpoint serving `endpointRegion`. */
function chooseRegion(constraint: string | undefined, endpointRegion: string): string {
  if (endpointRegion === 'us-east-1') {
    if (constraint === undefined || constraint === '') return 'us-east-1';
    // us-east-1 is never written explicitly; anything unknown is not a region.
    if (constraint === 'us-east-1' || (!KNOWN_REGIONS.has(constraint) && constraint !== 'EU')) {
      throw invalidLocation(constraint);
    }
    return regionOfLocationConstraint(constraint);
  }
  if (constraint === undefined || constraint === '') {
    throw new S3Error('IllegalLocationConstraintException');
  }
  if (regionOfLocationConstraint(constraint) !== endpointRegion) {
    if (!KNOWN_REGIONS.has(constraint) && constraint !== 'EU') throw invalidLocation(constraint);
    throw new S3Error('IllegalLocationConstraintException', {
      message: `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    });
  }
  return endpointRegion;
}

function invalidLocation(constraint: string): S3Error {
  return new S3Error('InvalidLocationConstraint', { fields: [['LocationConstraint', constraint]] });
}
