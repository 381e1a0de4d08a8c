/**
 * `coffer admin public-access-block --account <id> [settings] | --delete | --show`: an account's
 * Block Public Access settings (policy-evaluation.md §8.4), which apply to every bucket it owns
 * on top of the bucket's own (each flag on if either sets it). Works on the data directory's
 * files directly, safe beside a running server, which reads them afresh on every request.
 */
import { parseArgs } from 'node:util';
import { AccountError, noSuchAccount } from '../iam/accounts/account-error.ts';
import { checkAccountId } from '../iam/accounts/account-input.ts';
import type { PublicAccessBlock } from '../storage/types.ts';
import { dataDirOf, reportFailure, withDataDir } from './account-command-data-dir.ts';
import { processIo, type CommandIo } from './command-io.ts';

export const PUBLIC_ACCESS_BLOCK_HELP = `usage: coffer admin public-access-block --account <id> [--show]
       coffer admin public-access-block --account <id> [--block-public-acls true|false]
           [--ignore-public-acls true|false] [--block-public-policy true|false]
           [--restrict-public-buckets true|false]
       coffer admin public-access-block --account <id> --delete

An account's Block Public Access settings, as s3control Get/Put/DeletePublicAccessBlock keep
them. They apply to every bucket of the account together with the bucket's own settings: a
setting is in force when either turns it on.

  --account <id>                     the account (coffer admin account list shows the ids)
  --show                             print the settings (what no setting flag does, too)
  --block-public-acls <bool>         refuse new public ACLs (PUT of ACLs, objects, buckets)
  --ignore-public-acls <bool>        treat existing public ACLs as if they granted nothing
  --block-public-policy <bool>       refuse new public bucket policies
  --restrict-public-buckets <bool>   a public bucket policy grants only to the owner
                                     account's principals (and AWS services)
                                     Settings not given keep their current value (off when
                                     the account has none); the result is printed.
  --delete                           remove the settings: every one off at account level
  --data-dir <dir>                   the server's data directory (default COFFER_DATA_DIR, ./data)
  --json                             print {"AccountId", "PublicAccessBlockConfiguration"}

Safe to run while a server uses the data directory (SQLite in WAL mode, one transaction per
change, busy_timeout): the server applies the new settings from its next request on.
`;

const PREFIX = 'coffer admin public-access-block';

const FLAGS = {
  'block-public-acls': 'blockPublicAcls',
  'ignore-public-acls': 'ignorePublicAcls',
  'block-public-policy': 'blockPublicPolicy',
  'restrict-public-buckets': 'restrictPublicBuckets',
} as const satisfies Record<string, keyof PublicAccessBlock>;

/** AWS's names, in AWS's order (PublicAccessBlockConfiguration). */
const AWS_NAMES: Array<[keyof PublicAccessBlock, string]> = [
  ['blockPublicAcls', 'BlockPublicAcls'],
  ['ignorePublicAcls', 'IgnorePublicAcls'],
  ['blockPublicPolicy', 'BlockPublicPolicy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets'],
];

export async function publicAccessBlockCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        account: { type: 'string' },
        'block-public-acls': { type: 'string' },
        'ignore-public-acls': { type: 'string' },
        'block-public-policy': { type: 'string' },
        'restrict-public-buckets': { type: 'string' },
        delete: { type: 'boolean' },
        show: { type: 'boolean' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  if (values.help === true) {
    io.stdout.write(PUBLIC_ACCESS_BLOCK_HELP);
    return 0;
  }
  try {
    const accountId = checkAccountId(values.account);
    const changes: Partial<PublicAccessBlock> = {};
    for (const [flag, field] of Object.entries(FLAGS)) {
      const given = values[flag as keyof typeof FLAGS];
      if (given !== undefined) changes[field] = parseBool(given, flag);
    }
    const setting = Object.keys(changes).length > 0;
    const modes = [setting, values.delete === true, values.show === true].filter(Boolean).length;
    if (modes > 1) return usage(io, 'give settings, --delete or --show: one of them');

    const result = await withDataDir(dataDirOf(values['data-dir'], io), io, { sealsSecrets: false, buckets: false }, async ({ identity }) => {
      if ((await identity.getAccount(accountId)) === undefined) throw noSuchAccount(accountId);
      if (values.delete === true) return { removed: await identity.deleteAccountPublicAccessBlock(accountId), config: undefined };
      let config = await identity.getAccountPublicAccessBlock(accountId);
      if (setting) {
        config = { ...NONE, ...config, ...changes };
        await identity.putAccountPublicAccessBlock(accountId, config);
      }
      return { removed: undefined, config };
    });

    if (values.json === true) {
      const configuration = result.config === undefined ? null : Object.fromEntries(AWS_NAMES.map(([k, name]) => [name, result.config![k]]));
      io.stdout.write(JSON.stringify({ AccountId: accountId, PublicAccessBlockConfiguration: configuration }, null, 2) + '\n');
    } else if (result.removed !== undefined) {
      io.stdout.write(
        result.removed
          ? `removed the Block Public Access settings of account ${accountId}: every setting is off at account level\n`
          : `account ${accountId} had no Block Public Access settings: nothing to remove\n`,
      );
    } else {
      io.stdout.write(describe(accountId, result.config));
    }
    return 0;
  } catch (e) {
    return reportFailure(e, io, PREFIX);
  }
}

const NONE: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };

function parseBool(text: string, flag: string): boolean {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new AccountError('invalid-input', `--${flag}: "${text}" is not true or false`);
}

function describe(accountId: string, config: PublicAccessBlock | undefined): string {
  if (config === undefined) {
    return `account ${accountId} has no Block Public Access settings: every setting is off at account level (each bucket's own still apply)\n`;
  }
  const lines = AWS_NAMES.map(([k, name]) => `  ${name.padEnd(22)} ${config[k]}`);
  return `Block Public Access of account ${accountId}:\n${lines.join('\n')}\n`;
}

function usage(io: CommandIo, message: string): number {
  io.stderr.write(`${PREFIX}: ${message}\n\n${PUBLIC_ACCESS_BLOCK_HELP}`);
  return 2;
}
