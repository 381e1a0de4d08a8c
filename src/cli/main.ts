/**
 * `coffer <command>`: one file per command, each thin over the modules the server uses.
 */
import { adminCommand } from './admin-command.ts';
import { explainCommand } from './explain-command.ts';
import { inspectCommand } from './inspect-command.ts';
import { presignCommand } from './presign-command.ts';
import { serverCommand } from './server-command.ts';
import { simulateCommand } from './simulate-command.ts';

const COMMANDS: Record<string, { summary: string; run: (argv: string[]) => Promise<number> }> = {
  server: { summary: 'serve the S3 API (flags: coffer server --help)', run: serverCommand },
  presign: { summary: 'print a presigned URL for s3://bucket/key', run: (argv) => presignCommand(argv) },
  inspect: { summary: 'explain a presigned URL or Authorization header: what AWS will answer, and why', run: (argv) => inspectCommand(argv) },
  explain: { summary: 'why a request (by its x-amz-request-id) was allowed or refused, from the audit log', run: (argv) => explainCommand(argv) },
  simulate: { summary: 'would a principal be allowed an action on a resource, and why (offline)', run: (argv) => simulateCommand(argv) },
  admin: { summary: "accounts, account-level Block Public Access, a running server's clock (coffer admin --help)", run: (argv) => adminCommand(argv) },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`coffer: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: coffer <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}
