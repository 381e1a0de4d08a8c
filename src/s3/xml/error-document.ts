import type { S3Error } from '../errors/s3-error.ts';
import { XML_DECLARATION, el } from './xml-writer.ts';

/**
 * The `<Error>` document: Code, Message, the code's own elements in order, then RequestId and
 * HostId (../shared/spec/errors.md §1.1). No namespace on `<Error>`.
 */
export function errorDocument(error: S3Error, requestId: string, hostId: string): string {
  let xml = XML_DECLARATION + '<Error>' + el('Code', error.code) + el('Message', error.message);
  for (const [name, value] of error.fields) xml += el(name, value);
  return xml + el('RequestId', requestId) + el('HostId', hostId) + '</Error>';
}
