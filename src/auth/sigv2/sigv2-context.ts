import type { CredentialStore } from '../credential-store.ts';

/** What both SigV2 forms need besides the request. */
export interface SigV2Context {
  credentials: CredentialStore;
  /** The request's time from the injected clock (epoch ms), read once per request. */
  now: number;
  /** Allowed clock difference for the header form (AWS: 900 000 ms). */
  maxSkewMs: number;
}
