/**
 * The write shared by PutObject and POST Object (../shared/spec/s3-core.md §3): stream the body
 * into a blob while hashing it, verify its digests, then commit the row — checking If-Match /
 * If-None-Match in the same transaction. Until the commit, nothing is visible; the replaced
 * object's blobs are removed after it.
 */
import type { ObjectVersion } from '../../../storage/types.ts';
import type { WriteConditions } from '../../../storage/metadata-store.ts';
import type { ChecksumAlgorithm } from '../../../lib/checksum-algorithm.ts';
import { storedBody, writeObjectBody, writtenBlobs, type BodyExpectations } from '../../object-body/write-object-body.ts';
import type { ObjectAttributes } from '../../object-headers/object-attributes.ts';
import { bucketOf, type HandlerContext } from '../handler-context.ts';
import { objectOwner } from './object-owner.ts';
import type { RequestAcl } from '../../../authz/acl/resolve-request-acl.ts';

export interface ObjectWrite {
  key: string;
  attributes: ObjectAttributes;
  expectations: BodyExpectations;
  conditions: WriteConditions | undefined;
  /** Owner and ACL from objectRequestAcl (../acl/object-request-acl.ts); absent: objectOwner, private. */
  acl?: RequestAcl;
}

export async function storeObject(
  ctx: HandlerContext,
  write: ObjectWrite,
): Promise<{ version: ObjectVersion; checksum: { algorithm: ChecksumAlgorithm; value: string } }> {
  const { deps, payload } = ctx;
  const bucket = bucketOf(ctx);
  const { expectations, attributes } = write;

  // S3 stores a CRC64NVME it computes itself when the client sent no checksum (s3-core.md §9).
  const body = await writeObjectBody(deps.blobs, payload, expectations, expectations.declared ? [] : ['CRC64NVME'], { inline: true });
  const checksum = body.declared ?? { algorithm: 'CRC64NVME' as const, value: body.checksums.get('CRC64NVME')! };

  const version: ObjectVersion = {
    kind: 'object',
    bucket: bucket.name,
    key: write.key,
    versionId: 'null',
    isLatest: true,
    lastModified: deps.clock.now(),
    size: body.size,
    etag: body.md5Hex,
    headers: attributes.headers,
    userMetadata: attributes.userMetadata,
    storageClass: attributes.storageClass,
    checksum: { ...checksum, type: 'FULL_OBJECT' },
    ...storedBody(body),
    owner: write.acl?.owner ?? objectOwner(ctx),
    ...(write.acl ? { acl: write.acl.acl } : {}),
    ...(attributes.tags ? { tags: attributes.tags } : {}),
  };
  let retired: string[];
  try {
    retired = await deps.metadata.putObject(version, write.conditions);
  } catch (e) {
    await deps.blobs.delete(writtenBlobs(body));
    throw e;
  }
  await deps.blobs.delete(retired);
  return { version, checksum };
}
