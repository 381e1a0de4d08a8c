import type { RequestPayload } from '../auth/authentication.ts';
import { S3Error } from './errors/s3-error.ts';

/**
 * Reads a small request document (XML configuration, a Delete list, a part list) into memory, up
 * to `limit` bytes. Object bodies never come through here: they stream to the blob store.
 */
export async function readBodyLimited(payload: RequestPayload, limit: number): Promise<Buffer> {
  if (payload.length !== undefined && payload.length > limit) throw new S3Error('MaxMessageLengthExceeded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload.body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      payload.body.destroy();
      throw new S3Error('MaxMessageLengthExceeded');
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
