/**
 * What an upload says about the object besides its bytes — system headers, user metadata,
 * storage class, tags — read from request headers (PutObject) or from the same names as POST
 * form fields (POST Object), with the same checks and errors.
 */
import type { StoredHeaders } from '../../storage/types.ts';
import type { RequestHeaders } from '../s3-request.ts';
import { parseStorageClass, parseStoredHeaders, parseTaggingHeader } from './stored-headers.ts';
import { parseUserMetadata } from './user-metadata.ts';

export interface ObjectAttributes {
  headers: StoredHeaders;
  userMetadata: Array<[string, string]>;
  storageClass: string;
  tags: Array<[string, string]> | undefined;
}

export function parseObjectAttributes(headers: RequestHeaders): ObjectAttributes {
  return {
    headers: parseStoredHeaders(headers),
    userMetadata: parseUserMetadata(headers),
    storageClass: parseStorageClass(headers),
    tags: parseTaggingHeader(headers),
  };
}
