/**
 * Test support: STS actions called in-process, with an in-memory directory, a manual clock and
 * a session key of zeros — one account (111122223333) with a user `alice`, a role `demo`
 * trusting alice, a root principal, and helpers to call an action as any of them or as a
 * session they obtained.
 */
import { createHmac } from 'node:crypto';
import type { Authentication } from '../../auth/authentication.ts';
import type { SigningCredential } from '../../auth/credential-store.ts';
import { accountRoot, type Account, type Principal } from '../../auth/principal.ts';
import { makeRequest } from '../../auth/sigv4/testing/make-request.ts';
import { parseIdentityPolicy, type NamedPolicy } from '../../authz/policy/index.ts';
import { ManualClock } from '../../lib/clock.ts';
import { QueryParameters } from '../../query-api/query-request.ts';
import type { QueryAction } from '../../query-api/query-service.ts';
import type { XmlElement } from '../../query-api/query-xml.ts';
import { SessionCredentialStore } from '../session-credential-store.ts';
import { SessionTokenCodec } from '../session-token/session-token-codec.ts';
import type { StsDeps } from '../sts-deps.ts';
import type { StsRole } from '../sts-directory.ts';
import { JwksKeySets } from '../web-identity/jwks-key-sets.ts';
import { WebIdentityVerifier } from '../web-identity/web-identity-verifier.ts';
import { MemoryStsDirectory } from './memory-sts-directory.ts';

export const ACCOUNT: Account = { accountId: '111122223333', canonicalId: 'c'.repeat(64), displayName: 'test', email: 't@example.com' };
export const ALICE_ARN = 'arn:aws:iam::111122223333:user/alice';
export const DEMO_ROLE_ARN = 'arn:aws:iam::111122223333:role/demo';

export function trustPolicy(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] });
}

/** The caller's identity policy when `callerPoliciesAllow` is set: every STS action on every role. */
const ALLOW_STS: NamedPolicy = {
  name: 'allow-sts',
  policy: parseIdentityPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }] })),
};

export class StsFixture {
  readonly clock = new ManualClock(Date.UTC(2024, 4, 1, 12, 0, 0, 250));
  readonly directory = new MemoryStsDirectory();
  readonly codec = new SessionTokenCodec(Buffer.alloc(32));
  /** The caller's own identity policies allow every STS action (default), or there are none. */
  callerPoliciesAllow = true;
  readonly deps: StsDeps;
  readonly store: SessionCredentialStore;

  constructor() {
    this.directory.addAccount(ACCOUNT);
    this.directory.addUser({ accountId: ACCOUNT.accountId, userName: 'alice', userId: 'AIDAALICE0000000000001', arn: ALICE_ARN });
    this.addRole('demo', trustPolicy({ Principal: { AWS: ALICE_ARN } }));
    this.deps = {
      directory: this.directory,
      codec: this.codec,
      callerPolicies: { load: async () => ({ identityPolicies: this.callerPoliciesAllow ? [ALLOW_STS] : [] }) },
      webIdentity: new WebIdentityVerifier({ keys: new JwksKeySets(), directory: this.directory }),
    };
    this.store = new SessionCredentialStore({ longTerm: { resolve: async () => ({ failure: 'unknown-key' }) }, codec: this.codec, directory: this.directory });
  }

  addRole(roleName: string, trust: string, options: { maxSessionDurationSeconds?: number; path?: string; roleId?: string } = {}): StsRole {
    return this.directory.addRole({
      accountId: ACCOUNT.accountId,
      roleName,
      roleId: options.roleId ?? `AROA${roleName.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
      arn: `arn:aws:iam::${ACCOUNT.accountId}:role${options.path ?? '/'}${roleName}`,
      trustPolicy: trust,
      maxSessionDurationSeconds: options.maxSessionDurationSeconds ?? 3600,
    });
  }

  get alice(): Principal {
    return { type: 'User', account: ACCOUNT, arn: ALICE_ARN, userName: 'alice', userId: 'AIDAALICE0000000000001' };
  }
  get root(): Principal {
    return accountRoot(ACCOUNT);
  }

  /** A long-term-key caller. */
  signedAs(principal: Principal): Authentication {
    return signed(principal, {});
  }

  /** A caller signing with the credentials of an issued session (resolved as a request would be). */
  async sessionAuth(accessKeyId: string, sessionToken: string): Promise<Authentication> {
    const credential = await this.store.resolve(accessKeyId, sessionToken, this.clock.now());
    if ('failure' in credential) throw new Error(`session does not resolve: ${credential.failure}`);
    return signed(credential.principal, credential);
  }

  async call(action: QueryAction, params: Record<string, string> | Array<[string, string]>, auth: Authentication): Promise<ReadonlyArray<XmlElement | undefined>> {
    const pairs = Array.isArray(params) ? params : Object.entries(params);
    const result = await action.handle({
      req: makeRequest({ method: 'POST', target: '/', headers: { host: 'localhost', 'user-agent': 'test-agent' } }),
      params: new QueryParameters(pairs),
      auth,
      clock: this.clock,
      requestId: 'test-request',
    });
    return result ?? [];
  }
}

function signed(principal: Principal, credential: Partial<SigningCredential>): Authentication {
  if (principal.type === 'Anonymous') return { kind: 'anonymous', principal };
  return {
    kind: 'signed',
    scheme: 'v4-header',
    principal,
    credential: {
      accessKeyId: credential.accessKeyId ?? 'AKIATESTTESTTESTTEST',
      principal,
      signingKey: () => Buffer.alloc(32),
      signV2: (m) => createHmac('sha1', 'x').update(m).digest('base64'),
      ...credential,
    },
    signatureVersion: 'AWS4-HMAC-SHA256',
    signedAt: 0,
  };
}

/** `name` → text of the first element with that name, searching depth-first. */
export function text(elements: ReadonlyArray<XmlElement | undefined>, name: string): string | undefined {
  for (const e of elements) {
    if (e === undefined) continue;
    if (e[0] === name && !Array.isArray(e[1])) return String(e[1]);
    if (Array.isArray(e[1])) {
      const inner = text(e[1] as ReadonlyArray<XmlElement | undefined>, name);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** The element names of a result, in order (top level). */
export function names(elements: ReadonlyArray<XmlElement | undefined>): string[] {
  return elements.filter((e): e is XmlElement => e !== undefined).map((e) => e[0]);
}
