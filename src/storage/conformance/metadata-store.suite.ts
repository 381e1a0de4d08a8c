/**
 * The MetadataStore conformance suite: every implementation runs it from its own test file,
 * `runMetadataStoreConformance('sqlite', factory)`. Written against the interface only.
 */
import { describe } from 'node:test';
import type { MetadataStore } from '../metadata-store.ts';
import { Suite, type ConformanceOptions, type StoreFactory } from './harness.ts';
import { blobReferenceTests } from './metadata/blob-references.ts';
import { bucketTests } from './metadata/buckets.ts';
import { listingTests } from './metadata/listing.ts';
import { multipartTests } from './metadata/multipart.ts';
import { objectTests } from './metadata/objects.ts';
import { uploadListingTests } from './metadata/uploads-listing.ts';
import { versionTests } from './metadata/versions.ts';

export type { ConformanceOptions, Harness, StoreFactory } from './harness.ts';

export function runMetadataStoreConformance(
  name: string,
  factory: StoreFactory<MetadataStore>,
  options: ConformanceOptions = {},
): void {
  describe(`MetadataStore conformance: ${name}`, () => {
    const suite = new Suite(factory, options);
    bucketTests(suite);
    objectTests(suite);
    listingTests(suite);
    versionTests(suite);
    multipartTests(suite);
    uploadListingTests(suite);
    blobReferenceTests(suite);
  });
}
