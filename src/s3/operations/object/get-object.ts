/**
 * GetObject and HeadObject — GET|HEAD /{bucket}/{key} (../shared/spec/s3-core.md §4): find the
 * version, apply preconditions, partNumber or Range, response overrides, then stream the bytes.
 */
import type { Readable } from 'node:stream';
import { BlobNotFoundError } from '../../../storage/errors.ts';
import type { ByteRange } from '../../../storage/blob-store.ts';
import type { ObjectVersion } from '../../../storage/types.ts';
import { httpDate } from '../../../lib/dates.ts';
import { S3Error, invalidArgument, invalidRequest } from '../../errors/s3-error.ts';
import { checkReadConditions } from '../../object-headers/check-read-conditions.ts';
import { checksumResponseHeaders, objectResponseHeaders } from '../../object-headers/object-response-headers.ts';
import { parseRange } from '../../object-headers/parse-range.ts';
import { responseOverrides } from '../../object-headers/response-overrides.ts';
import { inlineBytes, readObjectBody } from '../../object-body/read-object-body.ts';
import type { S3Response } from '../../s3-response.ts';
import type { Handler, HandlerContext } from '../handler-context.ts';
import { findObject } from './find-object.ts';

export const getObject: Handler = (ctx) => readObject(ctx);
export const headObject: Handler = (ctx) => readObject(ctx);

async function readObject(ctx: HandlerContext, retried = false): Promise<S3Response> {
  const { req, deps } = ctx;
  const object = await findObject(ctx);
  const overrides = responseOverrides(req.query, ctx.auth);
  const partNumber = parsePartNumber(req.query.get('partNumber'));
  if (partNumber !== undefined && req.headers.has('range')) {
    throw invalidRequest('Cannot specify both Range header and partNumber query parameter');
  }

  const headers = objectResponseHeaders(object);
  checkReadConditions(req.headers, object, deps.clock.now(), {
    etag: `"${object.etag}"`,
    'last-modified': httpDate(object.lastModified),
  });

  let range: ByteRange | undefined;
  if (partNumber !== undefined) {
    range = partRange(object, partNumber);
    if (object.parts !== undefined) headers['x-amz-mp-parts-count'] = object.parts.length;
  } else {
    range = parseRange(req.headers.get('range'), object.size);
  }
  const wholeObject = range === undefined || (range.start === 0 && range.end === object.size - 1 && partNumber === undefined);
  if (req.headers.get('x-amz-checksum-mode')?.toUpperCase() === 'ENABLED' && wholeObject) {
    checksumResponseHeaders(object, headers);
  }
  Object.assign(headers, overrides);

  const status = range === undefined ? 200 : 206;
  const length = range === undefined ? object.size : range.end - range.start + 1;
  headers['content-length'] = length;
  if (range !== undefined) headers['content-range'] = `bytes ${range.start}-${range.end}/${object.size}`;
  if (req.method === 'HEAD') return { status, headers };

  // A small object's bytes came with its row: no file to open.
  if (object.inline !== undefined) return { status, headers, body: inlineBytes(object.inline, range) };
  let body: Readable;
  try {
    body = await readObjectBody(deps.blobs, object, range);
  } catch (e) {
    // Overwritten between the lookup and the open: the newer version is the answer.
    if (e instanceof BlobNotFoundError && !retried) return readObject(ctx, true);
    throw e;
  }
  return { status, headers, body };
}

function parsePartNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 10000) {
    throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', text);
  }
  return n;
}

/** The bytes of part N: a multipart object's part, or the whole of a single-part object for N=1. */
function partRange(object: ObjectVersion, partNumber: number): ByteRange {
  const parts = object.parts ?? [{ size: object.size }];
  if (partNumber > parts.length) {
    throw new S3Error('InvalidPartNumber', {
      fields: [
        ['PartNumberRequested', String(partNumber)],
        ['ActualPartCount', String(parts.length)],
      ],
    });
  }
  let start = 0;
  for (let i = 0; i < partNumber - 1; i++) start += parts[i]!.size;
  return { start, end: start + parts[partNumber - 1]!.size - 1 };
}

