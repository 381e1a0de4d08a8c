/**
 * `coffer admin clock [--offset +20m | --reset]`: read or move a running server's clock
 * (PUT /.coffer/clock, account root only), to reproduce skew and expiry failures on demand.
 * `coffer admin account …` and `coffer admin public-access-block …` work on a data directory
 * (account-command.ts, account-command-public-access-block.ts).
 */
import { parseArgs } from 'node:util';
import { ConfigError, parseDuration } from '../config/config.ts';
import { CredentialSourceError, resolveAwsCredentials, resolveAwsEndpoint, resolveAwsRegion } from '../lib/aws-credential-sources.ts';
import { describeDuration } from '../lib/format-duration.ts';
import type { ServerClock } from '../diagnostics/inspect/server-inspection.ts';
import { CofferCallError, callCoffer, errorOf } from '../diagnostics/signing/call-coffer.ts';
import { ObjectUrlError } from '../diagnostics/signing/object-url.ts';
import { credentialSourceEnv, processIo, type CommandIo } from './command-io.ts';
import { accountCommand } from './account-command.ts';
import { publicAccessBlockCommand } from './account-command-public-access-block.ts';

const ADMIN_HELP = `usage: coffer admin <subcommand> [options]

  clock                a running server's clock: show it, or move it (--offset +20m | --reset)
  account              create, list and delete the accounts of a data directory
  public-access-block  an account's Block Public Access settings

\`coffer admin <subcommand> --help\` tells more.
`;

const HELP = `usage: coffer admin clock [--offset <duration> | --reset] [options]

Shows a running Coffer's clock, or moves it: requests and presigned URLs are then judged at the
moved time (RequestTimeTooSkewed, "Request has expired", ExpiredToken) without a restart.

  --offset <dur>     set the offset from real time: +20m, -1h, 90s, 0
  --reset            the same as --offset 0
  --endpoint <url>   the server (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL)
  --region <name>    the region it serves (default: AWS_REGION, the profile's, us-east-1)
  --profile <name>   credentials of an account root (default: environment, then AWS_PROFILE/default)
  --json             print the server's answer as JSON
`;

export async function adminCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`coffer admin: ${message}\n`);
    return 2;
  };
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(ADMIN_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'account') return accountCommand(rest, io);
  if (sub === 'public-access-block') return publicAccessBlockCommand(rest, io);
  if (sub !== 'clock') return fail(`unknown subcommand "${sub}"\n\n${ADMIN_HELP}`);
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeOffset(rest),
      options: {
        offset: { type: 'string' },
        reset: { type: 'boolean' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        profile: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${HELP}`);
  }
  const { values } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.offset !== undefined && values.reset === true) return fail('give --offset or --reset, not both');
  const offset = values.reset === true ? '0' : values.offset;
  if (offset !== undefined) {
    try {
      parseDuration(offset, '--offset');
    } catch (e) {
      if (e instanceof ConfigError) return fail(e.message);
      throw e;
    }
  }
  try {
    const sources = credentialSourceEnv(io);
    const profile = values.profile === undefined ? {} : { profile: values.profile };
    const endpoint = values.endpoint ?? resolveAwsEndpoint(io.env);
    if (endpoint === undefined) return fail('which server? give --endpoint (or set AWS_ENDPOINT_URL)');
    const credentials = resolveAwsCredentials(sources, profile);
    if (credentials === undefined) return fail("no credentials: the clock is an account root's to read and move (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or --profile)");
    const answer = await callCoffer({
      endpoint,
      path: '/.coffer/clock',
      method: offset === undefined ? 'GET' : 'PUT',
      ...(offset === undefined ? {} : { body: { offset } }),
      credentials,
      region: values.region ?? resolveAwsRegion(sources, profile) ?? 'us-east-1',
      now: io.now(),
      fetch: io.fetch,
    });
    const error = errorOf(answer.body);
    if (answer.status !== 200 || error !== undefined) {
      io.stderr.write(`coffer admin: ${endpoint} answered ${answer.status} ${error?.code ?? ''}: ${error?.message ?? JSON.stringify(answer.body)}\n`);
      return 1;
    }
    const clock = answer.body as ServerClock;
    if (values.json === true) io.stdout.write(JSON.stringify(clock, null, 2) + '\n');
    else io.stdout.write(`${offset === undefined ? 'server clock' : 'server clock moved'}: ${clock.now} (offset ${clock.offset}${describeOffset(clock.offsetMs)})\n`);
    return 0;
  } catch (e) {
    if (e instanceof CofferCallError || e instanceof CredentialSourceError || e instanceof ObjectUrlError) {
      io.stderr.write(`coffer admin: ${e.message}\n`);
      return e instanceof CofferCallError ? 1 : 2;
    }
    throw e;
  }
}

/** `--offset -1h` reads as an unknown option `-1` to parseArgs: make it `--offset=-1h`. */
function joinNegativeOffset(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--offset' && /^-\d/.test(args[i + 1] ?? '')) out.push(`--offset=${args[++i]}`);
    else out.push(args[i]!);
  }
  return out;
}

function describeOffset(ms: number): string {
  if (ms === 0) return ': real time';
  return `: ${describeDuration(ms)} ${ms > 0 ? 'ahead of' : 'behind'} real time`;
}
