/**
 * Unit-test fixtures for CORS: a request as the pipeline hands it over, and S3Deps whose only
 * working part is a metadata store holding one CORS configuration per bucket.
 */
import { Readable } from 'node:stream';
import type { BucketConfigs, BucketRecord, CorsRule } from '../../../storage/types.ts';
import type { S3Deps } from '../../s3-deps.ts';
import { QueryParams, RequestHeaders, type S3Request } from '../../s3-request.ts';

/** `path` is `/bucket` or `/bucket/key`. */
export function corsRequest(method: string, path: string, headers: Record<string, string> = {}): S3Request {
  const [, bucket, ...rest] = path.split('/');
  return {
    id: 'REQ',
    hostId: 'HOST',
    method,
    rawPath: path,
    rawQuery: '',
    query: new QueryParams([]),
    headers: RequestHeaders.fromObject(headers),
    hostname: '127.0.0.1',
    bucket: bucket || undefined,
    key: rest.length ? rest.join('/') : undefined,
    addressing: 'path',
    remoteAddress: '127.0.0.1',
    secure: false,
    tlsVersion: undefined,
    body: Readable.from([]),
    receivedAt: 0,
  };
}

export function bucketRecord(name: string): BucketRecord {
  return { name, region: 'us-east-1', locationConstraint: '', owner: { accountId: '111122223333', canonicalId: 'c'.repeat(64), displayName: 'o' }, createdAt: 0 };
}

/** A rule with every list empty unless given. */
export function rule(parts: Partial<CorsRule> & Pick<CorsRule, 'allowedOrigins' | 'allowedMethods'>): CorsRule {
  return { allowedHeaders: [], exposeHeaders: [], ...parts };
}

/** Deps with CORS configurations by bucket name; `lookups` counts getBucketConfig calls. */
export function corsDeps(configs: Record<string, BucketConfigs['cors']>, options: { failLookups?: boolean } = {}) {
  const state = { lookups: 0, warnings: 0 };
  const deps = {
    metadata: {
      async getBucketConfig(bucket: string, kind: string) {
        state.lookups++;
        if (options.failLookups) throw new Error('database is locked');
        return kind === 'cors' ? configs[bucket] : undefined;
      },
    },
    logger: {
      warn() {
        state.warnings++;
      },
    },
  } as unknown as S3Deps;
  return { deps, state };
}
