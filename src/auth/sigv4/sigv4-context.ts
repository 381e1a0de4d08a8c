import type { CredentialStore } from '../credential-store.ts';
import type { ServiceRules } from './service-rules.ts';

/** What both SigV4 forms need besides the request. */
export interface SigV4Context {
  credentials: CredentialStore;
  /** The request's time from the injected clock (epoch ms), read once per request. */
  now: number;
  /** Allowed clock difference (AWS: 900 000 ms). */
  maxSkewMs: number;
  /** The services this request may be signed for; the first is named in wrong-service errors. */
  accepted: readonly ServiceRules[];
}
