/**
 * Flags, then COFFER_* variables, then defaults; every validation error names the flag and
 * the variable it came from.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, type CofferConfig } from './config.ts';
import { loadConfig } from './load-config.ts';

const DEFAULT_CONFIG: CofferConfig = {
  host: '127.0.0.1',
  port: 9000,
  dataDir: './data',
  region: 'us-east-1',
  domains: ['localhost'],
  tls: undefined,
  logLevel: 'info',
  maxSkewMs: 900_000,
  clockOffsetMs: 0,
  durability: 'full',
  sigv2: true,
  shutdownGraceMs: 10_000,
  rootCredentials: undefined,
  audit: 'all',
  auditRetentionMs: 30 * 86_400_000,
  explainDenials: false,
  workers: availableParallelism(),
};

const dir = mkdtempSync(join(tmpdir(), 'coffer-config-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const CERT = join(dir, 'cert.pem');
const KEY = join(dir, 'key.pem');
writeFileSync(CERT, '-----BEGIN CERTIFICATE-----\ncert\n');
writeFileSync(KEY, '-----BEGIN PRIVATE KEY-----\nkey\n');

function configError(argv: string[], env: Record<string, string>): string {
  try {
    loadConfig(argv, env);
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return e.message;
  }
  assert.fail(`expected a ConfigError for ${JSON.stringify({ argv, env })}`);
}

describe('loadConfig: sources', () => {
  it('defaults with no flags and no variables', () => {
    assert.deepEqual(loadConfig([], {}), DEFAULT_CONFIG);
  });

  it('every setting from COFFER_* variables', () => {
    const config = loadConfig([], {
      COFFER_HOST: '0.0.0.0', COFFER_PORT: '8080', COFFER_DATA_DIR: '/var/coffer', COFFER_REGION: 'eu-west-1',
      COFFER_DOMAIN: 'S3.Example.com,localhost', COFFER_TLS_CERT: CERT, COFFER_TLS_KEY: KEY, COFFER_LOG_LEVEL: 'debug',
      COFFER_MAX_SKEW: '5m', COFFER_CLOCK_OFFSET: '-1h', COFFER_DURABILITY: 'none', COFFER_SHUTDOWN_GRACE: '30s',
      COFFER_SIGV2: 'off', COFFER_ROOT_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', COFFER_ROOT_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      COFFER_AUDIT: 'denials', COFFER_AUDIT_RETENTION: '7d', COFFER_EXPLAIN_DENIALS: 'on', COFFER_WORKERS: '3',
    });
    assert.deepEqual(config, {
      host: '0.0.0.0', port: 8080, dataDir: '/var/coffer', region: 'eu-west-1', domains: ['s3.example.com', 'localhost'],
      tls: { cert: '-----BEGIN CERTIFICATE-----\ncert\n', key: '-----BEGIN PRIVATE KEY-----\nkey\n' },
      logLevel: 'debug', maxSkewMs: 300_000, clockOffsetMs: -3_600_000, durability: 'none', sigv2: false, shutdownGraceMs: 30_000,
      rootCredentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      audit: 'denials', auditRetentionMs: 7 * 86_400_000, explainDenials: true, workers: 3,
    });
  });

  it('a flag wins over its variable, for every setting', () => {
    const env = {
      COFFER_HOST: 'env', COFFER_PORT: 'not-a-port', COFFER_DATA_DIR: 'env', COFFER_REGION: 'bad', COFFER_DOMAIN: 'bad host',
      COFFER_TLS_CERT: '/missing/cert', COFFER_TLS_KEY: '/missing/key', COFFER_LOG_LEVEL: 'loud', COFFER_MAX_SKEW: 'x',
      COFFER_CLOCK_OFFSET: 'x', COFFER_DURABILITY: 'x', COFFER_SHUTDOWN_GRACE: 'x', COFFER_SIGV2: 'x',
      COFFER_AUDIT: 'x', COFFER_AUDIT_RETENTION: 'x', COFFER_EXPLAIN_DENIALS: 'x', COFFER_WORKERS: 'x',
    };
    const config = loadConfig(
      ['--host', '::', '--port=0', '--data-dir', 'd', '--region', 'ap-southeast-2', '--domain', 'a.test', '--domain', 'B.test',
        '--tls-cert', CERT, '--tls-key', KEY, '--log-level', 'silent', '--max-skew', '90s', '--clock-offset', '+2m',
        '--durability', 'full', '--sigv2', 'off', '--shutdown-grace', '1500', '--audit', 'off', '--audit-retention', '36h',
        '--explain-denials', '--workers', '1'],
      env,
    );
    assert.deepEqual({ ...config, tls: config.tls !== undefined }, {
      host: '::', port: 0, dataDir: 'd', region: 'ap-southeast-2', domains: ['a.test', 'b.test'], tls: true,
      logLevel: 'silent', maxSkewMs: 90_000, clockOffsetMs: 120_000, durability: 'full', sigv2: false, shutdownGraceMs: 1_500, rootCredentials: undefined,
      audit: 'off', auditRetentionMs: 36 * 3_600_000, explainDenials: true, workers: 1,
    });
  });

  it('an empty variable counts as unset', () => {
    assert.deepEqual(loadConfig([], { COFFER_PORT: '', COFFER_REGION: '', COFFER_DOMAIN: '', COFFER_LOG_LEVEL: '' }), DEFAULT_CONFIG);
  });
});

describe('loadConfig: each validation error names the flag and the variable', () => {
  const DURATION = '(examples: 900000, 90s, 15m, -2h)';
  const rows: Array<[flag: string, value: string, message: string]> = [
    ['port', 'abc', '--port / COFFER_PORT: not a port number'],
    ['port', '65536', '--port / COFFER_PORT: not a port number'],
    ['port', '-1', '--port / COFFER_PORT: not a port number'],
    ['port', '80.5', '--port / COFFER_PORT: not a port number'],
    ['region', 'US-EAST-1', '--region / COFFER_REGION: "US-EAST-1" is not a region name like us-east-1'],
    ['region', 'useast1', '--region / COFFER_REGION: "useast1" is not a region name like us-east-1'],
    ['domain', 'bad host', '--domain / COFFER_DOMAIN: "bad host" is not a host name'],
    ['domain', 'a_b.test', '--domain / COFFER_DOMAIN: "a_b.test" is not a host name'],
    ['log-level', 'verbose', '--log-level / COFFER_LOG_LEVEL: one of fatal, error, warn, info, debug, trace, silent'],
    ['durability', 'sometimes', '--durability / COFFER_DURABILITY: full or none'],
    ['sigv2', 'maybe', '--sigv2 / COFFER_SIGV2: on or off'],
    ['max-skew', 'soon', `--max-skew / COFFER_MAX_SKEW: "soon" is not a duration ${DURATION}`],
    ['max-skew', '0', '--max-skew / COFFER_MAX_SKEW: must be positive'],
    ['max-skew', '-5m', '--max-skew / COFFER_MAX_SKEW: must be positive'],
    ['clock-offset', '1 hour', `--clock-offset / COFFER_CLOCK_OFFSET: "1 hour" is not a duration ${DURATION}`],
    ['shutdown-grace', '10sec', `--shutdown-grace / COFFER_SHUTDOWN_GRACE: "10sec" is not a duration ${DURATION}`],
    ['audit', 'some', '--audit / COFFER_AUDIT: off, denials or all'],
    ['audit-retention', 'a month', `--audit-retention / COFFER_AUDIT_RETENTION: "a month" is not a duration ${DURATION}`],
    ['audit-retention', '0', '--audit-retention / COFFER_AUDIT_RETENTION: must be positive (e.g. 30d)'],
    ['workers', '0', '--workers / COFFER_WORKERS: a number of processes from 1 to 64, or auto (one per core)'],
    ['workers', '65', '--workers / COFFER_WORKERS: a number of processes from 1 to 64, or auto (one per core)'],
    ['workers', 'many', '--workers / COFFER_WORKERS: a number of processes from 1 to 64, or auto (one per core)'],
  ];
  for (const [flag, value, message] of rows) {
    const variable = 'COFFER_' + flag.toUpperCase().replace(/-/g, '_');
    it(`--${flag} ${JSON.stringify(value)} and ${variable}=${JSON.stringify(value)} → ${message}`, () => {
      assert.equal(configError([`--${flag}=${value}`], {}), message);
      assert.equal(configError([], { [variable]: value }), message);
    });
  }

  it('--workers auto is one per core', () => {
    assert.equal(loadConfig(['--workers', 'auto'], { COFFER_WORKERS: '5' }).workers, availableParallelism());
  });

  it('--explain-denials is a switch; COFFER_EXPLAIN_DENIALS is on or off', () => {
    assert.equal(loadConfig(['--explain-denials'], {}).explainDenials, true);
    assert.equal(loadConfig([], { COFFER_EXPLAIN_DENIALS: 'on' }).explainDenials, true);
    assert.equal(loadConfig([], { COFFER_EXPLAIN_DENIALS: 'off' }).explainDenials, false);
    assert.equal(configError([], { COFFER_EXPLAIN_DENIALS: 'yes' }), '--explain-denials / COFFER_EXPLAIN_DENIALS: on or off');
  });

  it('a comma-separated COFFER_DOMAIN is checked name by name', () => {
    assert.equal(configError([], { COFFER_DOMAIN: 'ok.test,bad host' }), '--domain / COFFER_DOMAIN: "bad host" is not a host name');
  });

  it('TLS certificate and key must come together', () => {
    const message = '--tls-cert / COFFER_TLS_CERT and --tls-key / COFFER_TLS_KEY must be given together';
    assert.equal(configError(['--tls-cert', CERT], {}), message);
    assert.equal(configError([], { COFFER_TLS_KEY: KEY }), message);
  });

  it('an unreadable TLS file names its flag and variable and the path', () => {
    const missing = join(dir, 'missing.pem');
    assert.match(configError(['--tls-cert', missing, '--tls-key', KEY], {}), new RegExp(`^--tls-cert / COFFER_TLS_CERT: cannot read ${missing}: ENOENT`));
    assert.match(configError([], { COFFER_TLS_CERT: CERT, COFFER_TLS_KEY: missing }), new RegExp(`^--tls-key / COFFER_TLS_KEY: cannot read ${missing}: ENOENT`));
  });

  it('root credentials (variables only) must come together and be well formed', () => {
    const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const together = 'COFFER_ROOT_ACCESS_KEY_ID and COFFER_ROOT_SECRET_ACCESS_KEY must be set together';
    assert.equal(configError([], { COFFER_ROOT_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' }), together);
    assert.equal(configError([], { COFFER_ROOT_SECRET_ACCESS_KEY: SECRET }), together);
    const idRule = 'COFFER_ROOT_ACCESS_KEY_ID: 16-128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE';
    for (const id of ['akiaiosfodnn7example', 'AKIA-IOSFODNN7EXAMPLE', 'AKIA123', 'A'.repeat(129)]) {
      assert.equal(configError([], { COFFER_ROOT_ACCESS_KEY_ID: id, COFFER_ROOT_SECRET_ACCESS_KEY: SECRET }), idRule, id);
    }
    assert.equal(
      configError([], { COFFER_ROOT_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', COFFER_ROOT_SECRET_ACCESS_KEY: 'short' }),
      'COFFER_ROOT_SECRET_ACCESS_KEY: at least 16 characters',
    );
  });

  it('unknown flags, positionals and missing values are ConfigErrors that name the argument', () => {
    assert.match(configError(['--nope', 'x'], {}), /--nope/);
    assert.match(configError(['serve'], {}), /serve/);
    assert.match(configError(['--port'], {}), /--port/);
  });
});
