/**
 * `coffer simulate`: would a principal be allowed an action on a resource, and why — decided
 * offline by the server's own authorizer (diagnostics/simulate) over a data directory's stored
 * policies, ACLs and settings, or over policy files. This file reads flags and files, opens the
 * stores, and formats: --json as the simulation itself, text for people.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../config/config.ts';
import { SimulateInputError } from '../diagnostics/simulate/parse-context.ts';
import { explainSimulation } from '../diagnostics/simulate/explain-simulation.ts';
import { withDataDirStores } from '../diagnostics/simulate/open-data-dir-stores.ts';
import { simulate, type SimulateInput } from '../diagnostics/simulate/simulate.ts';
import type { PolicyFile } from '../diagnostics/simulate/simulation-stores.ts';
import { palette, processIo, type CommandIo } from './command-io.ts';
import { notFound, renderExplanation } from './explain-command.ts';
import { auditDirOf } from '../diagnostics/audit/audit-files.ts';
import { findAuditRecord } from '../diagnostics/audit/find-audit-record.ts';
import { replayInput, type ReplayedQuestion } from '../diagnostics/simulate/replay-input.ts';

const HELP = `usage: coffer simulate --principal <arn|anonymous> --action <s3:Action> --resource <arn> [options]
       coffer simulate --request <request-id> [options]

Decides a request offline, as the server would: the same authorizer, over the data directory's
stored bucket policy, ACLs, Object Ownership and Block Public Access of the bucket, and the
principal's IAM policies and permissions boundary — or over policy files — and prints the
decision and its evidence.

  --request <id>             ask again what a recorded request asked (its x-amz-request-id, from
                             the audit log): its principal, action, resource and condition keys,
                             decided over the policies stored now; other flags add to or override it
  --principal <p>            anonymous, an account id or arn:aws:iam::<acct>:root,
                             arn:aws:iam::<acct>:user/<name>, arn:aws:iam::<acct>:role/<name>,
                             arn:aws:sts::<acct>:assumed-role/<role>/<session>
  --action <a>               an S3 action: s3:GetObject, s3:PutObject, s3:ListBucket …
  --resource <arn>           arn:aws:s3:::<bucket>/<key>, arn:aws:s3:::<bucket>, or *
  --context <key=value>      a condition key of the request (repeatable): aws:SourceIp=10.0.0.1,
                             aws:SecureTransport=true, s3:signatureAge=700000,
                             s3:authType=REST-QUERY-STRING, aws:CurrentTime=2024-05-01T12:00:00Z,
                             s3:prefix=home/, s3:x-amz-acl=public-read, aws:UserAgent=… (default:
                             plain HTTP, signed just now with SigV4 in the Authorization header)
  --policy-file <f.json>     an identity policy of the principal (repeatable): replaces its stored ones
  --bucket-policy-file <f>   the bucket policy: replaces the stored one
  --bucket-owner <account>   the bucket's owner when the data directory does not have the bucket
                             (default: the principal's account)
  --data-dir <dir>           the server's data directory (default: COFFER_DATA_DIR, else ./data);
                             without one, only the given files count
  --json                     print the simulation as JSON

Exit status: 0 when allowed, 1 when denied, 2 on bad usage.
`;

export async function simulateCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`coffer simulate: ${message}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        request: { type: 'string' },
        principal: { type: 'string' },
        action: { type: 'string' },
        resource: { type: 'string' },
        context: { type: 'string', short: 'c', multiple: true },
        'policy-file': { type: 'string', multiple: true },
        'bucket-policy-file': { type: 'string' },
        'bucket-owner': { type: 'string' },
        'data-dir': { type: 'string' },
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
  const dataDir = values['data-dir'] ?? (io.env.COFFER_DATA_DIR || DEFAULTS.dataDir);
  let replayed: ReplayedQuestion | undefined;
  if (values.request !== undefined) {
    const { found, files } = await findAuditRecord(dataDir, values.request.trim());
    if (found === undefined) {
      io.stderr.write(`coffer simulate: ${notFound(values.request.trim(), auditDirOf(dataDir), files)}\n`);
      return 1;
    }
    try {
      replayed = replayInput(found.record);
    } catch (e) {
      if (e instanceof SimulateInputError) return fail(e.message);
      throw e;
    }
  }
  const principal = values.principal ?? replayed?.principal;
  const action = values.action ?? replayed?.action;
  const resource = values.resource ?? replayed?.resource;
  const missing = Object.entries({ principal, action, resource }).filter(([, v]) => v === undefined).map(([f]) => f);
  if (missing.length > 0) return fail(`${missing.map((f) => `--${f}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required (or --request)\n\n${HELP}`);
  if (values['bucket-owner'] !== undefined && !/^\d{12}$/.test(values['bucket-owner'])) return fail('--bucket-owner: a 12-digit account id');

  const readPolicy = (path: string): PolicyFile => {
    const text = io.readFile(path);
    if (text === undefined) throw new SimulateInputError(`${path}: no such file`);
    return { name: basename(path), text };
  };
  try {
    const input: SimulateInput = {
      principal: principal!,
      action: action!,
      resource: resource!,
      context: mergeContext(replayed?.context ?? [], values.context ?? []),
      now: io.now(),
      ...(values['policy-file'] ? { identityPolicies: values['policy-file'].map(readPolicy) } : {}),
      ...(values['bucket-policy-file'] ? { bucketPolicy: readPolicy(values['bucket-policy-file']) } : {}),
      ...(values['bucket-owner'] ? { bucketOwner: values['bucket-owner'] } : {}),
    };
    const result = await withDataDirStores(dataDir, () => io.now(), (stores) => simulate(input, stores));
    io.stdout.write(values.json === true ? JSON.stringify(result, null, 2) + '\n' : renderExplanation(explainSimulation(result), palette(io)));
    return result.allowed ? 0 : 1;
  } catch (e) {
    if (e instanceof SimulateInputError) return fail(e.message);
    throw e;
  }
}

/** The recorded condition keys, then the given ones: a key given again replaces the recorded value. */
function mergeContext(recorded: readonly string[], given: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const pair of [...recorded, ...given]) byKey.set(pair.slice(0, Math.max(0, pair.indexOf('='))).trim().toLowerCase() || pair, pair);
  return [...byKey.values()];
}
