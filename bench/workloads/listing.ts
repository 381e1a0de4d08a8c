/**
 * Workload 6: ListObjectsV2 over 10,000 and 1,000,000 keys — paging through everything (keys/s)
 * and one prefix + delimiter page — to show a page costs the same whatever the bucket's size.
 */
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { insertKeys } from '../lib/bulk-keys.ts';
import { median } from '../lib/stats.ts';

export interface ListingRow {
  keys: number;
  pageMs: number;
  delimiterPageMs: number;
  fullScanKeysPerSec: number;
}

export async function listingWorkload(options: {
  s3: S3Client;
  dataDir: string;
  owner: { accountId: string; canonicalId: string; displayName: string };
  sizes: number[];
  fullScanUpTo: number;
}): Promise<ListingRow[]> {
  const rows: ListingRow[] = [];
  for (const size of options.sizes) {
    const bucket = `list-${size}`;
    await options.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // Keys in 100 "directories" so a delimiter listing has groups to roll up.
    const perDir = Math.ceil(size / 100);
    for (let d = 0; d < 100 && d * perDir < size; d++) {
      insertKeys({ dataDir: options.dataDir, bucket, prefix: `dir${String(d).padStart(3, '0')}/`, count: Math.min(perDir, size - d * perDir), owner: options.owner });
    }
    const page = async (input: ConstructorParameters<typeof ListObjectsV2Command>[0]) => {
      const t = performance.now();
      const res = await options.s3.send(new ListObjectsV2Command(input));
      return { ms: performance.now() - t, res };
    };
    const pageTimes: number[] = [];
    const delimiterTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      pageTimes.push((await page({ Bucket: bucket, StartAfter: `dir050/${String(i * 100).padStart(8, '0')}` })).ms);
      delimiterTimes.push((await page({ Bucket: bucket, Delimiter: '/', Prefix: '' })).ms);
    }
    let fullScan = NaN;
    if (size <= options.fullScanUpTo) {
      const t = performance.now();
      let token: string | undefined;
      let seen = 0;
      do {
        const { res } = await page({ Bucket: bucket, ContinuationToken: token });
        seen += res.KeyCount ?? 0;
        token = res.NextContinuationToken;
      } while (token);
      fullScan = seen / ((performance.now() - t) / 1000);
    }
    rows.push({ keys: size, pageMs: median(pageTimes), delimiterPageMs: median(delimiterTimes), fullScanKeysPerSec: fullScan });
  }
  return rows;
}
