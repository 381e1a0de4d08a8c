import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULTS, MAX_WORKERS, parseDuration, type CofferConfig } from './config.ts';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const SERVER_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  region: { type: 'string' },
  domain: { type: 'string', multiple: true },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'log-level': { type: 'string' },
  'max-skew': { type: 'string' },
  'clock-offset': { type: 'string' },
  durability: { type: 'string' },
  sigv2: { type: 'string' },
  'shutdown-grace': { type: 'string' },
  audit: { type: 'string' },
  'audit-retention': { type: 'string' },
  'explain-denials': { type: 'boolean' },
  workers: { type: 'string' },
} as const;

/**
 * Builds the server configuration from command-line flags and COFFER_* variables (a flag wins
 * over its variable). Throws ConfigError naming the flag and the variable on bad input.
 */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): CofferConfig {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: SERVER_OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const pick = (flag: keyof typeof SERVER_OPTIONS, fallback?: string): string | undefined => {
    const v = values[flag];
    if (typeof v === 'string') return v;
    const fromEnv = env['COFFER_' + flag.toUpperCase().replace(/-/g, '_')];
    return fromEnv !== undefined && fromEnv !== '' ? fromEnv : fallback;
  };
  const name = (flag: string) => `--${flag} / COFFER_${flag.toUpperCase().replace(/-/g, '_')}`;

  const port = Number(pick('port', String(DEFAULTS.port)));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name('port')}: not a port number`);

  const region = pick('region', DEFAULTS.region)!;
  if (!REGION.test(region)) throw new ConfigError(`${name('region')}: "${region}" is not a region name like us-east-1`);

  const domains = values.domain ?? (env.COFFER_DOMAIN ? env.COFFER_DOMAIN.split(',') : [DEFAULTS.domain]);
  for (const d of domains) {
    if (!/^[a-z0-9.-]+$/i.test(d)) throw new ConfigError(`${name('domain')}: "${d}" is not a host name`);
  }

  const certPath = pick('tls-cert');
  const keyPath = pick('tls-key');
  if ((certPath === undefined) !== (keyPath === undefined)) {
    throw new ConfigError(`${name('tls-cert')} and ${name('tls-key')} must be given together`);
  }
  const tls = certPath && keyPath ? { cert: readPem(certPath, name('tls-cert')), key: readPem(keyPath, name('tls-key')) } : undefined;

  const logLevel = pick('log-level', DEFAULTS.logLevel)!;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`${name('log-level')}: one of ${LOG_LEVELS.join(', ')}`);
  }
  const durability = pick('durability', DEFAULTS.durability)!;
  if (durability !== 'full' && durability !== 'none') throw new ConfigError(`${name('durability')}: full or none`);

  const sigv2 = pick('sigv2', DEFAULTS.sigv2)!;
  if (sigv2 !== 'on' && sigv2 !== 'off') throw new ConfigError(`${name('sigv2')}: on or off`);

  const maxSkewMs = parseDuration(pick('max-skew', DEFAULTS.maxSkew)!, name('max-skew'));
  if (maxSkewMs <= 0) throw new ConfigError(`${name('max-skew')}: must be positive`);

  const audit = pick('audit', DEFAULTS.audit)!;
  if (audit !== 'off' && audit !== 'denials' && audit !== 'all') throw new ConfigError(`${name('audit')}: off, denials or all`);
  const auditRetentionMs = parseDuration(pick('audit-retention', DEFAULTS.auditRetention)!, name('audit-retention'));
  if (auditRetentionMs <= 0) throw new ConfigError(`${name('audit-retention')}: must be positive (e.g. 30d)`);
  // A switch: `--explain-denials`, or COFFER_EXPLAIN_DENIALS=on.
  const explainDenials = values['explain-denials'] === true ? 'on' : (env.COFFER_EXPLAIN_DENIALS || DEFAULTS.explainDenials);
  if (explainDenials !== 'on' && explainDenials !== 'off') throw new ConfigError(`${name('explain-denials')}: on or off`);

  const workersText = pick('workers', DEFAULTS.workers)!;
  // `auto`: one per core, as the CPU allows (availableParallelism honours CPU affinity).
  const workers = workersText === 'auto' ? Math.min(availableParallelism(), MAX_WORKERS) : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new ConfigError(`${name('workers')}: a number of processes from 1 to ${MAX_WORKERS}, or auto (one per core)`);
  }

  const accessKeyId = env.COFFER_ROOT_ACCESS_KEY_ID;
  const secretAccessKey = env.COFFER_ROOT_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError('COFFER_ROOT_ACCESS_KEY_ID and COFFER_ROOT_SECRET_ACCESS_KEY must be set together');
  }
  if (accessKeyId && !/^[A-Z0-9]{16,128}$/.test(accessKeyId)) {
    throw new ConfigError('COFFER_ROOT_ACCESS_KEY_ID: 16-128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE');
  }
  if (secretAccessKey && secretAccessKey.length < 16) {
    throw new ConfigError('COFFER_ROOT_SECRET_ACCESS_KEY: at least 16 characters');
  }

  return {
    host: pick('host', DEFAULTS.host)!,
    port,
    dataDir: pick('data-dir', DEFAULTS.dataDir)!,
    region,
    domains: domains.map((d) => d.toLowerCase()),
    tls,
    logLevel: logLevel as CofferConfig['logLevel'],
    maxSkewMs,
    clockOffsetMs: parseDuration(pick('clock-offset', DEFAULTS.clockOffset)!, name('clock-offset')),
    durability,
    sigv2: sigv2 === 'on',
    shutdownGraceMs: parseDuration(pick('shutdown-grace', DEFAULTS.shutdownGrace)!, name('shutdown-grace')),
    rootCredentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    audit,
    auditRetentionMs,
    explainDenials: explainDenials === 'on',
    workers,
  };
}

function readPem(path: string, setting: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${setting}: cannot read ${path}: ${(e as Error).message}`);
  }
}
