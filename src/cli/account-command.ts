/**
 * `coffer admin account create|list|delete`: the accounts of a data directory, managed on its
 * files directly (safe beside a running server; see account-command-data-dir.ts).
 */
import { parseArgs } from 'node:util';
import { createAccount, deleteAccount } from '../iam/accounts/account-admin.ts';
import type { AccountSummary } from '../iam/identity-store.ts';
import { dataDirOf, reportFailure, withDataDir } from './account-command-data-dir.ts';
import { accountCredentialsSnippet } from './account-command-output.ts';
import { processIo, type CommandIo } from './command-io.ts';

export const ACCOUNT_HELP = `usage: coffer admin account create --name <display name> --email <address> [options]
       coffer admin account list [options]
       coffer admin account delete <account-id> [options]

The accounts of a data directory. Each has a 12-digit id, a 64-hex canonical id (its identity
in ACLs), a display name, an e-mail address unique among the accounts, and root access keys.
The default account is the one the server created on its first start.

  create    a new account and its root access key; prints the account id, the canonical id
            and the root credentials, once (Coffer keeps only the sealed secret)
              --name <name>      display name: 1-50 printable ASCII characters
              --email <address>  e-mail address; unique, case-insensitively
              --endpoint <url>   for the printed snippet (default http://COFFER_HOST:COFFER_PORT,
                                 http://127.0.0.1:9000)
              --region <name>    for the printed snippet (default COFFER_REGION, us-east-1)
              --profile <name>   aws CLI profile in the snippet (default coffer-<name>)
  list      id, canonical id, name, e-mail, default?, number of access keys (never a secret)
  delete    the account with its access keys, IAM users, roles, policies and settings; refuses
            the default account, and an account that still owns buckets

  --data-dir <dir>   the server's data directory (default COFFER_DATA_DIR, ./data)
  --json             machine-readable output

These commands open the data directory's SQLite files directly, and are safe to run while a
server is using it: SQLite in WAL mode lets both processes in, every change is one transaction,
and each side waits (busy_timeout) for the other's write lock instead of failing. The server
sees a new or deleted account on its next request: a deleted account's keys stop working at
once. The secrets are sealed with the server's master key: <data-dir>/master.key, or
COFFER_MASTER_KEY — set it here too when the server runs with it.
`;

const PREFIX = 'coffer admin account';

export async function accountCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(ACCOUNT_HELP);
    return sub === undefined ? 2 : 0;
  }
  const run = SUBCOMMANDS[sub];
  if (run === undefined) return usage(io, `unknown subcommand "${sub}" (create, list or delete)`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  if (parsed.values.help === true) {
    io.stdout.write(ACCOUNT_HELP);
    return 0;
  }
  try {
    return await run(parsed.values, parsed.positionals, io);
  } catch (e) {
    return reportFailure(e, io, PREFIX);
  }
}

const OPTIONS = {
  name: { type: 'string' },
  email: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };
type Subcommand = (values: Values, positionals: string[], io: CommandIo) => Promise<number>;

/** Flags that only `create` takes; the others refuse them rather than ignore them. */
const CREATE_ONLY = ['name', 'email', 'endpoint', 'region', 'profile'] as const;

const SUBCOMMANDS: Record<string, Subcommand> = {
  async create(values, positionals, io) {
    if (positionals.length > 0) return usage(io, `create takes no arguments (got "${positionals[0]}"): --name <name> --email <address>`);
    const dir = dataDirOf(values['data-dir'], io);
    const created = await withDataDir(dir, io, { sealsSecrets: true, buckets: false }, ({ identity }) =>
      createAccount(identity, { displayName: values.name, email: values.email }),
    );
    const { account, rootKey } = created;
    if (values.json === true) {
      const { accountId, canonicalId, displayName, email } = account;
      const { accessKeyId, secretAccessKey } = rootKey;
      io.stdout.write(JSON.stringify({ accountId, canonicalId, displayName, email, accessKeyId, secretAccessKey }, null, 2) + '\n');
      return 0;
    }
    io.stdout.write(
      accountCredentialsSnippet({
        account,
        key: rootKey,
        region: values.region ?? (io.env.COFFER_REGION || 'us-east-1'),
        endpoint: values.endpoint ?? `http://${io.env.COFFER_HOST || '127.0.0.1'}:${io.env.COFFER_PORT || '9000'}`,
        profile: values.profile ?? profileName(account.displayName, account.accountId),
      }),
    );
    return 0;
  },

  async list(values, positionals, io) {
    const stray = strayFlag(values) ?? (positionals.length > 0 ? `"${positionals[0]}"` : undefined);
    if (stray !== undefined) return usage(io, `list takes no ${stray}`);
    const summaries = await withDataDir(dataDirOf(values['data-dir'], io), io, { sealsSecrets: false, buckets: false }, ({ identity }) =>
      identity.listAccountSummaries(),
    );
    io.stdout.write(values.json === true ? JSON.stringify(summaries.map(toJson), null, 2) + '\n' : table(summaries));
    return 0;
  },

  async delete(values, positionals, io) {
    const stray = strayFlag(values);
    if (stray !== undefined) return usage(io, `delete takes no ${stray}`);
    if (positionals.length !== 1) return usage(io, 'delete takes one account id: coffer admin account delete <account-id>');
    const deleted = await withDataDir(dataDirOf(values['data-dir'], io), io, { sealsSecrets: false, buckets: true }, (opened) =>
      deleteAccount(opened, positionals[0]),
    );
    const { account, deletedAccessKeys } = deleted;
    if (values.json === true) {
      io.stdout.write(JSON.stringify({ accountId: account.accountId, deleted: true, deletedAccessKeys }, null, 2) + '\n');
    } else {
      const keys = `${deletedAccessKeys} access key${deletedAccessKeys === 1 ? '' : 's'}`;
      io.stdout.write(`deleted account ${account.accountId} (${account.displayName}, ${account.email}) and its ${keys}\n`);
    }
    return 0;
  },
};

function usage(io: CommandIo, message: string): number {
  io.stderr.write(`${PREFIX}: ${message}\n\n${ACCOUNT_HELP}`);
  return 2;
}

function strayFlag(values: Values): string | undefined {
  const flag = CREATE_ONLY.find((f) => values[f] !== undefined);
  return flag === undefined ? undefined : `--${flag}`;
}

/** `coffer-<name>` in the characters a profile name is safe with; the account id if none is left. */
function profileName(displayName: string, accountId: string): string {
  const slug = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `coffer-${slug || accountId}`;
}

function toJson(s: AccountSummary) {
  return {
    accountId: s.account.accountId,
    canonicalId: s.account.canonicalId,
    displayName: s.account.displayName,
    email: s.account.email,
    default: s.isDefault,
    accessKeys: s.accessKeys,
    rootAccessKeys: s.rootAccessKeys,
    createdAt: new Date(s.createdAt).toISOString(),
  };
}

function table(summaries: AccountSummary[]): string {
  const rows = [
    ['ACCOUNT ID', 'CANONICAL ID', 'NAME', 'EMAIL', 'DEFAULT', 'KEYS'],
    ...summaries.map((s) => [
      s.account.accountId,
      s.account.canonicalId,
      s.account.displayName,
      s.account.email,
      s.isDefault ? 'yes' : '',
      String(s.accessKeys),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}
