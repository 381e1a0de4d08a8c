/**
 * Builds STS for the composition root: the session-aware CredentialStore that every request
 * (S3, STS, IAM) resolves through, and the STS Query service. Role assumption is decided by the
 * policy engine on the role's trust policy and the caller's own policies, read from IAM.
 */
import type { CredentialStore } from '../auth/credential-store.ts';
import type { IamReader } from '../iam/iam-store.ts';
import type { IdentityStore } from '../iam/identity-store.ts';
import type { QueryService } from '../query-api/query-service.ts';
import { IamCallerPolicies } from './caller-policies.ts';
import { identityStsDirectory } from './identity-sts-directory.ts';
import { SessionCredentialStore } from './session-credential-store.ts';
import { SessionTokenCodec } from './session-token/session-token-codec.ts';
import type { StsDeps } from './sts-deps.ts';
import { stsService } from './sts-service.ts';
import { JwksKeySets } from './web-identity/jwks-key-sets.ts';
import { WebIdentityVerifier } from './web-identity/web-identity-verifier.ts';

export interface Sts {
  /** Wraps the long-term store: resolves ASIA keys itself, everything else through it. */
  credentials: CredentialStore;
  service: QueryService;
}

export function createSts(input: {
  /** 32 bytes: loadSessionKey(dataDir, COFFER_SESSION_KEY). */
  sessionKey: Buffer;
  /** The identity store: long-term keys and accounts. */
  identity: CredentialStore & Pick<IdentityStore, 'getAccount'>;
  iam: IamReader;
  fetch?: typeof fetch;
}): Sts {
  const codec = new SessionTokenCodec(input.sessionKey);
  const directory = identityStsDirectory({ accounts: input.identity, iam: input.iam });
  const deps: StsDeps = {
    directory,
    codec,
    callerPolicies: new IamCallerPolicies(input.iam),
    webIdentity: new WebIdentityVerifier({ keys: new JwksKeySets({ fetch: input.fetch }), directory }),
  };
  return {
    credentials: new SessionCredentialStore({ longTerm: input.identity, codec, directory }),
    service: stsService(deps),
  };
}
