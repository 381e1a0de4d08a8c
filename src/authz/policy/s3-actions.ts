/**
 * S3's IAM actions and the resource type each authorizes against (policy-evaluation.md §6;
 * the Service Authorization Reference for Amazon S3). Bucket policies are validated against it:
 * an `s3:` pattern that names no action here is `Policy has invalid action`, and a statement
 * whose actions apply to none of its resources is `Action does not apply to any resource(s)
 * in statement`. `other` covers access points, batch jobs, Storage Lens, multi-region access
 * points and Object Lambda: valid names, but never about a bucket or its objects.
 */
export type S3ResourceKind = 'object' | 'bucket' | 'account' | 'other';

const OBJECT = `AbortMultipartUpload BypassGovernanceRetention DeleteObject DeleteObjectTagging DeleteObjectVersion
DeleteObjectVersionTagging GetObject GetObjectAcl GetObjectAttributes GetObjectLegalHold GetObjectRetention
GetObjectTagging GetObjectTorrent GetObjectVersion GetObjectVersionAcl GetObjectVersionAttributes
GetObjectVersionForReplication GetObjectVersionTagging GetObjectVersionTorrent InitiateReplication
ListMultipartUploadParts ObjectOwnerOverrideToBucketOwner PutObject PutObjectAcl PutObjectLegalHold
PutObjectRetention PutObjectTagging PutObjectVersionAcl PutObjectVersionTagging ReplicateDelete ReplicateObject
ReplicateTags RestoreObject`;

const BUCKET = `CreateBucket DeleteBucket DeleteBucketOwnershipControls DeleteBucketPolicy DeleteBucketWebsite
GetAccelerateConfiguration GetAnalyticsConfiguration GetBucketAcl GetBucketCORS GetBucketLocation GetBucketLogging
GetBucketNotification GetBucketObjectLockConfiguration GetBucketOwnershipControls GetBucketPolicy
GetBucketPolicyStatus GetBucketPublicAccessBlock GetBucketRequestPayment GetBucketTagging GetBucketVersioning
GetBucketWebsite GetEncryptionConfiguration GetIntelligentTieringConfiguration GetInventoryConfiguration
GetLifecycleConfiguration GetMetricsConfiguration GetReplicationConfiguration ListBucket ListBucketMultipartUploads
ListBucketVersions PutAccelerateConfiguration PutAnalyticsConfiguration PutBucketAcl PutBucketCORS PutBucketLogging
PutBucketNotification PutBucketObjectLockConfiguration PutBucketOwnershipControls PutBucketPolicy
PutBucketPublicAccessBlock PutBucketRequestPayment PutBucketTagging PutBucketVersioning PutBucketWebsite
PutEncryptionConfiguration PutIntelligentTieringConfiguration PutInventoryConfiguration PutLifecycleConfiguration
PutMetricsConfiguration PutReplicationConfiguration GetBucketMetadataTableConfiguration
CreateBucketMetadataTableConfiguration DeleteBucketMetadataTableConfiguration`;

const ACCOUNT = `ListAllMyBuckets GetAccountPublicAccessBlock PutAccountPublicAccessBlock ListAccessPoints
ListAccessPointsForObjectLambda ListJobs CreateJob ListStorageLensConfigurations ListMultiRegionAccessPoints
PutStorageLensConfiguration ListStorageLensGroups CreateStorageLensGroup ListAccessGrantsInstances`;

const OTHER = `CreateAccessPoint DeleteAccessPoint GetAccessPoint GetAccessPointPolicy PutAccessPointPolicy
DeleteAccessPointPolicy GetAccessPointPolicyStatus PutAccessPointPublicAccessBlock DescribeJob UpdateJobPriority
UpdateJobStatus GetJobTagging PutJobTagging DeleteJobTagging GetStorageLensConfiguration
DeleteStorageLensConfiguration GetStorageLensConfigurationTagging PutStorageLensConfigurationTagging
GetStorageLensDashboard GetStorageLensGroup UpdateStorageLensGroup DeleteStorageLensGroup CreateMultiRegionAccessPoint
DeleteMultiRegionAccessPoint DescribeMultiRegionAccessPointOperation GetMultiRegionAccessPoint
GetMultiRegionAccessPointPolicy GetMultiRegionAccessPointPolicyStatus PutMultiRegionAccessPointPolicy
GetMultiRegionAccessPointRoutes SubmitMultiRegionAccessPointRoutes CreateAccessPointForObjectLambda
DeleteAccessPointForObjectLambda GetAccessPointForObjectLambda GetAccessPointConfigurationForObjectLambda
PutAccessPointConfigurationForObjectLambda GetAccessPointPolicyForObjectLambda PutAccessPointPolicyForObjectLambda
DeleteAccessPointPolicyForObjectLambda GetAccessPointPolicyStatusForObjectLambda ListTagsForResource TagResource
UntagResource`;

function table(): ReadonlyMap<string, { name: string; kind: S3ResourceKind }> {
  const out = new Map<string, { name: string; kind: S3ResourceKind }>();
  const add = (names: string, kind: S3ResourceKind) => {
    for (const n of names.split(/\s+/).filter(Boolean)) out.set(`s3:${n}`.toLowerCase(), { name: `s3:${n}`, kind });
  };
  add(OBJECT, 'object');
  add(BUCKET, 'bucket');
  add(ACCOUNT, 'account');
  add(OTHER, 'other');
  return out;
}

/** Lower-cased `s3:name` → canonical spelling and resource kind. */
export const S3_ACTIONS: ReadonlyMap<string, { readonly name: string; readonly kind: S3ResourceKind }> = table();
