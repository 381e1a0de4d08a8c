import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAwsS3Host } from './aws-s3-host.ts';

test('parseAwsS3Host: the region and bucket of each AWS S3 host form; others are not AWS', () => {
  const cases: Array<[string, ReturnType<typeof parseAwsS3Host>]> = [
    ['s3.amazonaws.com', { region: undefined, global: true, bucket: undefined, serviceHost: 's3.amazonaws.com' }],
    ['my-bucket.s3.amazonaws.com', { region: undefined, global: true, bucket: 'my-bucket', serviceHost: 's3.amazonaws.com' }],
    ['s3.eu-west-1.amazonaws.com', { region: 'eu-west-1', global: false, bucket: undefined, serviceHost: 's3.eu-west-1.amazonaws.com' }],
    ['My.Bucket.s3.eu-west-1.amazonaws.com', { region: 'eu-west-1', global: false, bucket: 'my.bucket', serviceHost: 's3.eu-west-1.amazonaws.com' }],
    ['b.s3-us-west-2.amazonaws.com', { region: 'us-west-2', global: false, bucket: 'b', serviceHost: 's3-us-west-2.amazonaws.com' }],
    ['b.s3.dualstack.ap-southeast-2.amazonaws.com', { region: 'ap-southeast-2', global: false, bucket: 'b', serviceHost: 's3.dualstack.ap-southeast-2.amazonaws.com' }],
    ['s3-fips.us-gov-west-1.amazonaws.com', { region: 'us-gov-west-1', global: false, bucket: undefined, serviceHost: 's3-fips.us-gov-west-1.amazonaws.com' }],
    ['b.s3.cn-north-1.amazonaws.com.cn', { region: 'cn-north-1', global: false, bucket: 'b', serviceHost: 's3.cn-north-1.amazonaws.com.cn' }],
    ['s3-external-1.amazonaws.com', { region: 'us-east-1', global: false, bucket: undefined, serviceHost: 's3-external-1.amazonaws.com' }],
    ['b.s3-accelerate.amazonaws.com', { region: undefined, global: false, bucket: 'b', serviceHost: 's3-accelerate.amazonaws.com' }],
    ['127.0.0.1', undefined],
    ['bucket.localhost', undefined],
    ['s3.example.com', undefined],
    ['ec2.us-east-1.amazonaws.com', undefined],
  ];
  for (const [host, expected] of cases) assert.deepEqual(parseAwsS3Host(host), expected, host);
});
