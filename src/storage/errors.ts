/**
 * Domain errors of the storage layer. They say what is wrong in storage terms; the one
 * mapper in s3/errors/to-s3-error.ts turns them into S3 errors at the edge.
 */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class BucketExistsError extends StorageError {
  constructor(
    readonly bucket: string,
    readonly ownerAccountId: string,
  ) {
    super(`bucket ${bucket} already exists`);
  }
}

export class BucketNotFoundError extends StorageError {
  constructor(readonly bucket: string) {
    super(`bucket ${bucket} does not exist`);
  }
}

export class BucketNotEmptyError extends StorageError {
  constructor(readonly bucket: string) {
    super(`bucket ${bucket} is not empty`);
  }
}

export class UploadNotFoundError extends StorageError {
  constructor(readonly uploadId: string) {
    super(`upload ${uploadId} does not exist`);
  }
}

/** A conditional write (If-Match / If-None-Match) did not hold at commit time. */
export class WriteConditionFailedError extends StorageError {
  constructor(
    readonly condition: 'If-Match' | 'If-None-Match',
    readonly reason: 'mismatch' | 'missing',
  ) {
    super(`write condition ${condition} failed: ${reason}`);
  }
}

/** The blob a row pointed to is gone (deleted between the lookup and the read). */
export class BlobNotFoundError extends StorageError {
  constructor(readonly blobId: string) {
    super(`blob ${blobId} not found`);
  }
}
