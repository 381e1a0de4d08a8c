/**
 * `coffer presign s3://bucket/key`: prints a presigned URL (SigV4, or SigV2 with --v2), signed
 * with the credentials AWS tools would use. The signing is diagnostics/signing; this file reads
 * flags and prints.
 */
import { parseArgs } from 'node:util';
import { CredentialSourceError, resolveAwsCredentials, resolveAwsEndpoint, resolveAwsRegion } from '../lib/aws-credential-sources.ts';
import { describeDuration } from '../lib/format-duration.ts';
import { SIGV2_REGIONS, parseAwsS3Host } from '../diagnostics/signing/aws-s3-host.ts';
import { ObjectUrlError, objectUrl, parseS3Uri } from '../diagnostics/signing/object-url.ts';
import { ExpiresInError, parseExpiresIn } from '../diagnostics/signing/parse-expires-in.ts';
import { presignV2 } from '../diagnostics/signing/presign-v2.ts';
import { presignV4 } from '../diagnostics/signing/presign-v4.ts';
import { credentialSourceEnv, processIo, type CommandIo } from './command-io.ts';

const HELP = `usage: coffer presign s3://bucket/key [options]

Prints a presigned URL: anyone who has it may make that one request until it expires.

  --method <M>          GET (default), PUT, DELETE or HEAD
  --expires-in <dur>    how long it works, 1s … 7d (default 1h; a bare number is seconds)
  --endpoint <url>      where it points (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, else
                        AWS's regional endpoint https://s3.<region>.amazonaws.com)
  --region <name>       the region to sign for (default: AWS_REGION, AWS_DEFAULT_REGION, the
                        profile's region, else us-east-1)
  --profile <name>      use this profile of ~/.aws/credentials and ~/.aws/config
  --path-style          keep the bucket in the path (AWS endpoints default to <bucket>.s3.<region>…
                        where the bucket name allows; other endpoints always use path style)
  --v2                  Signature Version 2 (AWSAccessKeyId, Expires, Signature)

Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN), else the profile
(--profile, AWS_PROFILE, or default). Temporary credentials add X-Amz-Security-Token, and the
URL then stops working when the session expires, whatever --expires-in says.
`;

const METHODS = new Set(['GET', 'PUT', 'DELETE', 'HEAD']);

export async function presignCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`coffer presign: ${message}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        method: { type: 'string' },
        'expires-in': { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        profile: { type: 'string' },
        'path-style': { type: 'boolean' },
        v2: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) return fail(`give exactly one s3://bucket/key\n\n${HELP}`);
  const method = (values.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) return fail(`--method: "${values.method}" is not one of GET, PUT, DELETE, HEAD`);

  try {
    const { bucket, key } = parseS3Uri(positionals[0]!);
    const expiresSeconds = parseExpiresIn(values['expires-in'] ?? '3600');
    const sources = credentialSourceEnv(io);
    const profile = values.profile === undefined ? {} : { profile: values.profile };
    const credentials = resolveAwsCredentials(sources, profile);
    if (credentials === undefined) {
      return fail('no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile in ~/.aws/credentials (--profile, AWS_PROFILE)');
    }
    const region = values.region ?? resolveAwsRegion(sources, profile) ?? 'us-east-1';
    const endpoint = values.endpoint ?? resolveAwsEndpoint(io.env);
    const target = objectUrl({ bucket, key, region, ...(endpoint === undefined ? {} : { endpoint }), pathStyle: values['path-style'] === true });
    const now = io.now();

    let url: string;
    if (values.v2 === true) {
      const host = parseAwsS3Host(target.host.replace(/:\d+$/, ''));
      if (host?.region !== undefined && !SIGV2_REGIONS.has(host.region)) {
        io.stderr.write(`coffer presign: warning: ${host.region} accepts only Signature Version 4; AWS will refuse this SigV2 URL (InvalidRequest)\n`);
      }
      url = presignV2({ method, origin: target.origin, rawPath: target.rawPath, addressing: target.addressing, bucket, credentials, expiresAt: now + expiresSeconds * 1000 }).url;
    } else {
      url = presignV4({ method, origin: target.origin, host: target.host, rawPath: target.rawPath, credentials, region, now, expiresSeconds }).url;
    }
    if (credentials.sessionToken !== undefined) {
      io.stderr.write(`coffer presign: note: signed with temporary credentials (${credentials.source}): the URL stops working when their session expires, even if that is sooner than ${describeDuration(expiresSeconds * 1000)}\n`);
    }
    io.stdout.write(url + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ObjectUrlError || e instanceof ExpiresInError || e instanceof CredentialSourceError) return fail(e.message);
    throw e;
  }
}
