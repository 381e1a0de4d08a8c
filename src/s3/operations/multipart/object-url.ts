import { uriEncode } from '../../../lib/uri-encode.ts';
import type { S3Request } from '../../s3-request.ts';

/** The absolute URL of an object as this request addressed the service (CompleteMultipartUpload's Location). */
export function objectUrl(req: S3Request, bucket: string, key: string): string {
  const scheme = req.secure ? 'https' : 'http';
  const host = req.headers.get('host') ?? req.hostname;
  const path = req.addressing === 'virtual-host' ? `/${uriEncode(key, true)}` : `/${bucket}/${uriEncode(key, true)}`;
  return `${scheme}://${host}${path}`;
}
