/**
 * What `coffer inspect` finds out about a signed request, as data (the CLI formats it; `--json`
 * prints it as is). Times are ISO 8601 strings; durations are whole seconds.
 */
import type { ServerInspection } from './server-inspection.ts';

/** A request as a client made it or would make it. */
export interface InspectRequest {
  method: string;
  /** Absolute URL; undefined when only headers were given. */
  url: string | undefined;
  /** As sent, in order; names as given. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
}

export type SignatureScheme = 'sigv4-query' | 'sigv4-header' | 'sigv2-query' | 'sigv2-header' | 'none';

/** An S3 error document as data: what AWS (or Coffer) answers. */
export interface AwsError {
  status: number;
  code: string;
  message: string;
  /** The extra XML elements, in AWS's order. */
  fields: Record<string, string>;
}

export type FindingId =
  | 'both-mechanisms'
  | 'missing-parameters'
  | 'unsupported-algorithm'
  | 'credential-malformed'
  | 'wrong-region'
  | 'region-unverified'
  | 'wrong-service'
  | 'bad-terminator'
  | 'bad-date'
  | 'credential-date-mismatch'
  | 'expires-out-of-range'
  | 'not-yet-valid'
  | 'expired'
  | 'clock-skew'
  | 'missing-date'
  | 'missing-content-sha256'
  | 'headers-not-signed'
  | 'session-token-missing'
  | 'token-with-long-term-key'
  | 'temporary-credentials'
  | 'sigv2-not-supported'
  | 'expires-soon';

export interface Finding {
  id: FindingId;
  /** error: AWS refuses the request for it; warning: it may; info: worth knowing. */
  severity: 'error' | 'warning' | 'info';
  /** Position in AWS's order of checks (errors.md §9.1): lower fails first. */
  step: number;
  /** What is wrong and why, in words, with the numbers. */
  message: string;
  /** What AWS answers for this problem (when it is the first one). */
  error?: AwsError;
}

/** What happens when the request is sent, as far as can be told without the server. */
export type Verdict =
  | { outcome: 'accepted' }
  | { outcome: 'refused'; error: AwsError; explanation: string; finding?: FindingId }
  /** Every check before the signature passes; the signature needs the secret to be checked. */
  | { outcome: 'signature-unchecked'; explanation: string }
  | { outcome: 'unknown'; explanation: string };

export type MismatchCauseId =
  | 'method'
  | 'host'
  | 'path-encoding'
  | 'query-changed'
  | 'unsigned-header-in-signature'
  | 'signed-header-missing'
  | 'signed-header-values'
  | 'wrong-secret';

export interface MismatchCause {
  id: MismatchCauseId;
  /** True when re-signing the changed request reproduces the signature: this is the cause. */
  confirmed: boolean;
  message: string;
}

export interface SignatureCheck {
  /** Where the secret came from: `--secret`, `environment`, `profile …`. */
  secretSource: string;
  matches: boolean;
  /** SigV4 only. */
  canonicalRequest?: string;
  stringToSign: string;
  /** What the secret gives for this request. */
  computed?: string;
  provided: string;
  /** On a mismatch: the likely causes, confirmed ones first. */
  causes: MismatchCause[];
  /** The signature could not be compared because an earlier check fails regardless of time. */
  blockedBy?: AwsError;
}

export interface EndpointFacts {
  host: string;
  /** An Amazon S3 host name. */
  aws: boolean;
  /** The region requests to this host must be signed for, when known. */
  region: string | undefined;
  regionSource: 'host' | 'flag' | 'server' | 'unknown';
  /** AWS's global endpoint: the bucket's own region decides. */
  global: boolean;
  addressing: 'virtual-host' | 'path';
  bucket: string | undefined;
  key: string | undefined;
}

export interface Inspection {
  request: { method: string; url: string | undefined; headers: Record<string, string> };
  scheme: SignatureScheme;
  algorithm?: string;
  accessKeyId?: string;
  /** AKIA… long-term, ASIA… temporary (STS); other prefixes unknown. */
  credentialType?: 'long-term' | 'temporary' | 'unknown';
  scope?: { date: string; region: string; service: string; terminator: string };
  /** When the request says it was signed (X-Amz-Date, x-amz-date or Date). */
  signedAt?: string;
  /** X-Amz-Expires as sent. */
  expiresSeconds?: number;
  /** Earliest acceptable time: X-Amz-Date less the 15-minute allowance (header form: signing time − skew). */
  validFrom?: string;
  /** Presigned: X-Amz-Date + X-Amz-Expires, or V2 Expires; header form: signing time + skew. */
  expiresAt?: string;
  /** The time the verdict is for. */
  now: string;
  /** Seconds until expiresAt (negative: since). */
  secondsUntilExpiry?: number;
  signedHeaders?: string[];
  signature?: string;
  /** X-Amz-Security-Token / x-amz-security-token: temporary credentials signed this. */
  sessionToken?: string;
  endpoint: EndpointFacts;
  findings: Finding[];
  verdict: Verdict;
  signatureCheck?: SignatureCheck;
  /** `--endpoint`: what the server says. */
  server?: ServerInspection;
  /** What could not be checked, and how to check it. */
  notes: string[];
}
