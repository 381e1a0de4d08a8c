/**
 * Coffer's configuration: one typed value, built from flags, then COFFER_* environment
 * variables, then defaults, and validated once at start with errors that name the setting.
 */
export interface CofferConfig {
  host: string;
  port: number;
  dataDir: string;
  region: string;
  /** Virtual-hosted-style buckets are recognised as `<bucket>.<domain>` for each of these. */
  domains: string[];
  tls: { cert: string; key: string } | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The ±window for header-signed request times (RequestTimeTooSkewed). */
  maxSkewMs: number;
  /** Added to the system clock: reproduce skew and expiry on demand. */
  clockOffsetMs: number;
  /** 'full': fsync every acknowledged write; 'none': leave it to the OS (faster, not durable). */
  durability: 'full' | 'none';
  /** Accept SigV2 signatures (AWS: buckets created before June 2020) or refuse them (newer buckets). */
  sigv2: boolean;
  /** How long in-flight requests may run after SIGTERM before connections are cut. */
  shutdownGraceMs: number;
  rootCredentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Which requests go to `<data-dir>/audit/` (what `coffer explain` reads): every one, only denials, or none. */
  audit: 'off' | 'denials' | 'all';
  /** How long audit files are kept (removed at start and at each daily rotation). */
  auditRetentionMs: number;
  /** Test environments only: AccessDenied responses say why in `x-coffer-denial-reason`. */
  explainDenials: boolean;
  /** Server processes sharing the port (node:cluster); 1 serves from this process alone. */
  workers: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 9000,
  dataDir: './data',
  region: 'us-east-1',
  domain: 'localhost',
  logLevel: 'info',
  maxSkew: '15m',
  clockOffset: '0',
  durability: 'full',
  sigv2: 'on',
  shutdownGrace: '10s',
  audit: 'all',
  auditRetention: '30d',
  explainDenials: 'off',
  workers: 'auto',
} as const;

/** The most worker processes `--workers` accepts. */
export const MAX_WORKERS = 64;

/** Durations: `900000` (ms), `90s`, `15m`, `2h`, `1d`, with an optional sign for offsets. */
export function parseDuration(text: string, setting: string): number {
  const m = /^([+-]?)(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new ConfigError(`${setting}: "${text}" is not a duration (examples: 900000, 90s, 15m, -2h)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[3] ?? 'ms') as 'ms'];
  const value = Number(m[2]) * unit;
  return Math.round(m[1] === '-' ? -value : value);
}
