/**
 * The composition root: configuration → stores → credential store → authorizer → HTTP server.
 * The only place that picks concrete classes. Tests call startCoffer with an injected clock and
 * a temporary data directory; `coffer server` calls it with the user's configuration — once, or
 * in each worker process of a cluster (src/cluster), after the primary ran prepareDataDir.
 */
import { mkdirSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import type { CofferConfig } from './config/config.ts';
import { openAuditLog, type AuditSink } from './diagnostics/audit/audit-log.ts';
import { startHttpServer } from './http/server.ts';
import { bootstrapRoot } from './iam/bootstrap-root.ts';
import { loadMasterKey } from './iam/master-key.ts';
import { SqliteIdentityStore } from './iam/sqlite/sqlite-identity-store.ts';
import { createSts } from './sts/create-sts.ts';
import { loadSessionKey } from './sts/session-token/load-session-key.ts';
import type { RootBootstrap } from './iam/bootstrap-root.ts';
import { PolicyAuthorizer } from './authz/policy-authorizer.ts';
import { AdjustableClock, systemClock, type Clock } from './lib/clock.ts';
import { createRandomIds, type Ids } from './lib/ids.ts';
import type { S3Deps } from './s3/s3-deps.ts';
import { handleQueryRequest, type QueryApiDeps } from './query-api/handle-query-request.ts';
import { iamQueryService } from './iam/api/iam-service.ts';
import { iamAuthorize } from './s3/iam-authorize.ts';
import { FsBlobStore } from './storage/fs/fs-blob-store.ts';
import { sweepOrphanBlobs } from './storage/orphan-sweep.ts';
import { SqliteMetadataStore } from './storage/sqlite/sqlite-metadata-store.ts';

export interface StartOptions {
  clock?: Clock;
  ids?: Ids;
  logger?: Logger;
  /** COFFER_MASTER_KEY, if set. */
  masterKey?: string;
  /** COFFER_SESSION_KEY, if set: the cluster key that seals STS session tokens. */
  sessionKey?: string;
  /**
   * Set in the worker processes of a cluster: the primary has already prepared the data
   * directory (prepareDataDir), and a moved clock must reach the other workers.
   */
  worker?: { shareClockOffset(offsetMs: number): Promise<void> };
}

export interface CofferInstance {
  endpoint: string;
  port: number;
  account: RootBootstrap['account'];
  /** Root credentials generated on this start (print them once), if any. */
  generatedRootKey: { accessKeyId: string; secretAccessKey: string } | undefined;
  deps: S3Deps;
  identity: SqliteIdentityStore;
  /** The audit log (`flush()` before reading it from another process). */
  audit: AuditSink;
  /** Graceful: stop accepting, finish in-flight requests (bounded), close the stores. */
  stop(graceMs?: number): Promise<void>;
}

export async function startCoffer(config: CofferConfig, options: StartOptions = {}): Promise<CofferInstance> {
  // Starts at --clock-offset; `coffer admin clock` (PUT /.coffer/clock) moves it at runtime.
  const clock = new AdjustableClock(options.clock ?? systemClock, config.clockOffsetMs);
  const ids = options.ids ?? createRandomIds();
  const logger = options.logger ?? defaultLogger(config);
  const { identity, sessionKey, metadata, blobs } = openStores(config, options, clock, ids, { worker: options.worker !== undefined });
  // A worker joins a data directory its primary prepared: bootstrapping the root key again
  // (re-sealed from COFFER_ROOT_* on every start) or sweeping orphan blobs would race the other
  // workers' requests.
  const root = options.worker ? await joinPrepared(identity) : await prepare({ identity, metadata, blobs }, config, logger);
  // Every request resolves through STS's store: it decides temporary credentials, the identity store the rest.
  const sts = createSts({ sessionKey, identity, iam: identity.iam });

  const deps: S3Deps = {
    metadata,
    blobs,
    credentials: sts.credentials,
    accounts: identity,
    accountSettings: identity,
    iam: identity.iam,
    authorizer: new PolicyAuthorizer({
      metadata,
      iam: identity.iam,
      accounts: identity,
      accountPublicAccessBlock: (accountId) => identity.getAccountPublicAccessBlock(accountId),
    }),
    clock,
    ids,
    region: config.region,
    maxSkewMs: config.maxSkewMs,
    sigv2: config.sigv2,
    logger,
    explainDenials: config.explainDenials,
    ...(options.worker ? { shareClockOffset: (ms: number) => options.worker!.shareClockOffset(ms) } : {}),
  };
  const audit = await openAuditLog({
    dataDir: config.dataDir,
    mode: config.audit,
    retentionMs: config.auditRetentionMs,
    clock,
    onError: (error) => logger.warn({ err: error }, 'audit log'),
  });
  // STS and IAM answer on the same endpoint, told apart by the credential scope of each call.
  const queryApi: QueryApiDeps = { services: [sts.service, iamQueryService({ store: identity.iam, authorize: iamAuthorize(deps.authorizer) })], credentials: deps.credentials, clock, region: config.region, maxSkewMs: config.maxSkewMs };
  const server = await startHttpServer(deps, {
    host: config.host,
    port: config.port,
    domains: config.domains,
    tls: config.tls,
    routes: [(req) => handleQueryRequest(req, queryApi)],
    audit,
  });

  let stopped: Promise<void> | undefined;
  return {
    endpoint: server.endpoint,
    port: server.port,
    account: root.account,
    generatedRootKey: root.generated,
    deps,
    identity,
    audit,
    stop: (graceMs = config.shutdownGraceMs) =>
      (stopped ??= (async () => {
        await server.close(graceMs);
        await audit.close();
        await blobs.close();
        await metadata.close();
        await identity.close();
        logger.flush();
      })()),
  };
}

/**
 * What a start does once per data directory before serving: the default account and its root
 * key, and the removal of blobs a crash left behind. A cluster's primary runs it before forking
 * its workers; it returns the root key if one was generated (print it, once).
 */
export async function prepareDataDir(config: CofferConfig, options: Pick<StartOptions, 'masterKey' | 'sessionKey' | 'logger'> = {}): Promise<RootBootstrap> {
  const stores = openStores(config, options, systemClock, createRandomIds());
  try {
    return await prepare(stores, config, options.logger ?? defaultLogger(config));
  } finally {
    await stores.blobs.close();
    await stores.metadata.close();
    await stores.identity.close();
  }
}

function openStores(config: CofferConfig, options: Pick<StartOptions, 'masterKey' | 'sessionKey'>, clock: Clock, ids: Ids, role: { worker: boolean } = { worker: false }) {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const identity = new SqliteIdentityStore({
    dir: config.dataDir,
    masterKey: loadMasterKey(config.dataDir, options.masterKey),
    now: () => clock.now(),
    durability: config.durability,
  });
  const sessionKey = loadSessionKey(config.dataDir, options.sessionKey ?? process.env.COFFER_SESSION_KEY);
  const metadata = new SqliteMetadataStore({ dir: config.dataDir, durability: config.durability === 'full' ? 'full' : 'normal' });
  // A worker joins writes in progress: only a lone server or a cluster's primary clears tmp/.
  const blobs = new FsBlobStore({ dir: config.dataDir, ids, durability: config.durability === 'full' ? 'full' : 'none', clearTemp: !role.worker });
  return { identity, sessionKey, metadata, blobs };
}

async function prepare(
  stores: { identity: SqliteIdentityStore; metadata: SqliteMetadataStore; blobs: FsBlobStore },
  config: CofferConfig,
  logger: Logger,
): Promise<RootBootstrap> {
  const root = await bootstrapRoot(stores.identity, config.rootCredentials);
  // Blobs written by a previous run that no row points to (a crash between write and commit).
  // Compared with file times, so this is the filesystem's clock, not the (shiftable) request clock.
  const swept = await sweepOrphanBlobs({ metadata: stores.metadata, blobs: stores.blobs, olderThanMs: systemClock.now() });
  if (swept > 0) logger.info({ swept }, 'removed orphan blobs left by an interrupted write');
  return root;
}

async function joinPrepared(identity: SqliteIdentityStore): Promise<RootBootstrap> {
  const account = await identity.defaultAccount();
  if (account === undefined) throw new Error('the data directory has no default account: the primary process did not prepare it');
  return { account, generated: undefined };
}

// Logs go out through an asynchronous, buffered stdout stream: a request never waits on a write.
function defaultLogger(config: CofferConfig): Logger {
  return pino({ level: config.logLevel, base: { service: 'coffer' } }, pino.destination({ sync: false }));
}
