/**
 * `coffer server`: runs Coffer until SIGTERM/SIGINT, then shuts down gracefully. On the first
 * start without COFFER_ROOT_* variables it prints the generated root credentials, once. With
 * `--workers N` (N > 1) this process becomes the primary of N workers (src/cluster), and each
 * worker runs this command again as a worker.
 */
import cluster from 'node:cluster';
import pino from 'pino';
import { runPrimary } from '../cluster/run-primary.ts';
import { runWorker } from '../cluster/run-worker.ts';
import { ConfigError } from '../config/config.ts';
import { loadConfig } from '../config/load-config.ts';
import { startCoffer } from '../main.ts';

const HELP = `usage: coffer server [options]

  --host <addr>          listen address (default 127.0.0.1)            COFFER_HOST
  --port <n>             listen port (default 9000; 0 = any free port) COFFER_PORT
  --data-dir <dir>       where metadata and objects live (default ./data) COFFER_DATA_DIR
  --region <name>        the region this endpoint serves (default us-east-1) COFFER_REGION
  --domain <name>        virtual-hosted buckets as <bucket>.<name> (repeatable; default localhost) COFFER_DOMAIN
  --tls-cert <file>      PEM certificate: serve HTTPS                  COFFER_TLS_CERT
  --tls-key <file>       PEM private key for --tls-cert                COFFER_TLS_KEY
  --log-level <level>    fatal|error|warn|info|debug|trace|silent (default info) COFFER_LOG_LEVEL
  --max-skew <duration>  allowed request clock skew (default 15m)      COFFER_MAX_SKEW
  --clock-offset <dur>   shift the server's clock, e.g. +20m or -1h    COFFER_CLOCK_OFFSET
  --durability <mode>    full (fsync before acknowledging) | none      COFFER_DURABILITY
  --sigv2 <on|off>       accept Signature Version 2 (default on, as for pre-2020 buckets) COFFER_SIGV2
  --shutdown-grace <dur> how long in-flight requests may finish on SIGTERM (default 10s) COFFER_SHUTDOWN_GRACE
  --audit <mode>         all | denials | off: what the audit log records (default all) COFFER_AUDIT
  --audit-retention <d>  remove audit files older than this (default 30d) COFFER_AUDIT_RETENTION
  --explain-denials      TEST ONLY: AccessDenied responses say why in x-coffer-denial-reason COFFER_EXPLAIN_DENIALS=on
  --workers <n|auto>     server processes sharing the port (default auto: one per core; 1: this process alone) COFFER_WORKERS

Root credentials: COFFER_ROOT_ACCESS_KEY_ID and COFFER_ROOT_SECRET_ACCESS_KEY; when unset,
Coffer generates a pair on first start, keeps it in the data directory, and prints it once.
COFFER_MASTER_KEY seals secret keys at rest (default <data-dir>/master.key); COFFER_SESSION_KEY
seals STS session tokens (default <data-dir>/session.key).
`;

export async function serverCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  let config;
  try {
    config = loadConfig(argv, process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`coffer server: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const keys = { masterKey: process.env.COFFER_MASTER_KEY, sessionKey: process.env.COFFER_SESSION_KEY };
  if (cluster.isWorker) return runWorker(config, keys);
  if (config.workers > 1) {
    return runPrimary(config, keys, {
      logger: pino({ level: config.logLevel, base: { service: 'coffer', role: 'primary' } }),
      printCredentials: (endpoint, key) => process.stderr.write(credentialsBanner(endpoint, config.region, key)),
      printError: (message) => process.stderr.write(`coffer server: ${message}\n`),
    });
  }
  const coffer = await startCoffer(config, keys);
  if (coffer.generatedRootKey) {
    process.stderr.write(credentialsBanner(coffer.endpoint, config.region, coffer.generatedRootKey));
  }
  coffer.deps.logger.info({ endpoint: coffer.endpoint, region: config.region, dataDir: config.dataDir }, 'coffer is listening');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      coffer.deps.logger.info({ signal }, 'shutting down: finishing in-flight requests');
      coffer.stop().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}

function credentialsBanner(endpoint: string, region: string, key: { accessKeyId: string; secretAccessKey: string }): string {
  return `
Coffer generated root credentials for this data directory. They are shown only now:

  export AWS_ACCESS_KEY_ID=${key.accessKeyId}
  export AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}
  export AWS_REGION=${region}
  export AWS_ENDPOINT_URL=${endpoint}

or, for the aws CLI:  aws configure set aws_access_key_id ${key.accessKeyId} --profile coffer
                      aws configure set aws_secret_access_key ${key.secretAccessKey} --profile coffer
                      aws configure set region ${region} --profile coffer
                      aws --profile coffer --endpoint-url ${endpoint} s3 ls

`;
}
