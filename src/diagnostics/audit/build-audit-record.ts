/**
 * Turns a request and its pipeline outcome into its audit record. Pure and cheap: it copies the
 * decision's trace (already computed for the request) and reads a few request fields; nothing
 * here touches the disk.
 */
import type { Authentication } from '../../auth/authentication.ts';
import type { Decision } from '../../authz/authorizer.ts';
import type { S3Error } from '../../s3/errors/s3-error.ts';
import type { KeyDecisions, PipelineOutcome } from '../../s3/pipeline.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { AUDIT_RECORD_VERSION, type AuditDecision, type AuditRecord } from './audit-record.ts';
import { requestFacts } from '../../s3/request-facts.ts';
import { describeAuthFailure } from './describe-auth-failure.ts';
import { recordContext } from './record-context.ts';
import { readRequestSigning } from './read-request-signing.ts';
import { safeErrorFields } from './safe-error-fields.ts';

export interface AuditInput {
  requestId: string;
  /** Undefined when the request line itself was malformed. */
  req: S3Request | undefined;
  outcome: Pick<PipelineOutcome, 'operation' | 'auth' | 'decision' | 'error' | 'keyDecisions'> & { response: { status: number; headers?: Record<string, string | number> } };
  /** Used when there is no S3Request: when it arrived (server clock), from where, what. */
  receivedAt: number;
  method?: string;
  remoteAddress?: string;
  ms?: number;
}

export function buildAuditRecord(input: AuditInput): AuditRecord {
  const { req, outcome } = input;
  const { auth, decision, error } = outcome;
  const time = new Date(req?.receivedAt ?? input.receivedAt).toISOString();
  const signing = req ? readRequestSigning(req, auth) : undefined;
  const verdict = decisionOf(outcome);
  // Assigned field by field, in the order a reader wants them (it runs on every request, and
  // conditional spreads cost more than the rest of the record together).
  const r = { v: AUDIT_RECORD_VERSION, time, requestId: input.requestId } as AuditRecord;
  // STS and IAM answer with their own request id (x-amzn-RequestId), the one their SDKs report.
  const queryId = outcome.response.headers?.['x-amzn-requestid'];
  if (queryId !== undefined) r.queryRequestId = String(queryId);
  const method = req?.method ?? input.method;
  if (method) r.method = method;
  if (req) r.path = req.rawPath;
  if (outcome.operation) r.operation = outcome.operation;
  r.status = outcome.response.status;
  setPrincipal(r, auth, signing?.accessKeyId);
  if (signing?.accessKeyId) r.accessKeyId = signing.accessKeyId;
  if (signing?.tokenSent) r.temporaryCredentials = true;
  const sourceIp = req?.remoteAddress || input.remoteAddress;
  if (sourceIp) r.sourceIp = sourceIp;
  if (req) r.secureTransport = req.secure;
  const userAgent = req?.headers.get('user-agent');
  if (userAgent !== undefined) r.userAgent = userAgent;
  if (signing && signing.authentication.scheme !== 'none') r.authentication = signing.authentication;
  if (decision) {
    setDecision(r, decision, error?.message);
    // What `coffer simulate --request` needs to ask the same question again.
    const facts = decision.facts ?? (req && auth && decision.action ? requestFacts(req, auth, decision.action) : undefined);
    if (facts) {
      const context = recordContext(facts);
      if (context) r.context = context;
    }
  }
  else if (req?.bucket !== undefined) r.resource = req.key === undefined ? `arn:aws:s3:::${req.bucket}` : `arn:aws:s3:::${req.bucket}/${req.key}`;
  r.decision = verdict;
  if (outcome.keyDecisions) r.keys = keysOf(outcome.keyDecisions);
  if (error) {
    // An authorization denial's reason is the error's: kept once, at the top.
    r.error = errorFields(error, error.reason === decision?.reason);
    if (verdict === 'not-authorized-because-authentication-failed') r.reason = describeAuthFailure(r.error, r.authentication, r.accessKeyId, time);
  }
  if (input.ms !== undefined) r.ms = Math.round(input.ms * 10) / 10;
  return r;
}

/**
 * Authentication failed when the operation was known but no authentication resulted: every
 * step between parsing and authenticating either authenticates or fails doing so (AWS's order,
 * errors.md §9), except the store failing (InternalError) and an operation without a handler.
 */
function decisionOf(outcome: AuditInput['outcome']): AuditDecision {
  if (outcome.decision) return outcome.decision.effect;
  const e = outcome.error;
  if (e === undefined || outcome.auth !== undefined || outcome.operation === undefined) return 'not-evaluated';
  if (e.code === 'InternalError') return 'not-evaluated';
  if (e.code === 'NotImplemented' && !e.fields.some(([name]) => name === 'Header')) return 'not-evaluated';
  return 'not-authorized-because-authentication-failed';
}

function setPrincipal(r: AuditRecord, auth: Authentication | undefined, claimedKey: string | undefined): void {
  // Signed, but authentication failed (or never ran): nobody was established.
  if (auth === undefined) {
    r.principal = claimedKey === undefined ? 'anonymous' : 'unauthenticated';
    return;
  }
  const p = auth.principal;
  if (p.type === 'Anonymous') {
    r.principal = 'anonymous';
    r.principalType = 'Anonymous';
    return;
  }
  r.principal = p.arn;
  r.principalType = p.type;
  r.accountId = p.account.accountId;
}

/** `sentMessage`: the error's message — the decision's message is recorded only when it differs. */
function setDecision(r: AuditRecord, d: Decision, sentMessage: string | undefined): void {
  if (d.action) r.action = d.action;
  if (d.resource) r.resource = d.resource;
  r.reason = d.reason;
  if (d.message !== undefined && !d.allowed && d.message !== sentMessage) r.message = d.message;
  const t = d.trace;
  if (t === undefined) return;
  if (t.statements.length > 0) r.statements = t.statements;
  if (t.deniedBy) r.deniedBy = t.deniedBy;
  if (t.conditionFailures.length > 0) r.conditionFailures = t.conditionFailures;
  if (t.acl) r.acl = t.acl;
  if (t.notes.length > 0) r.notes = t.notes;
}

const MAX_DENIED_KEYS = 100;

function keysOf(k: KeyDecisions): NonNullable<AuditRecord['keys']> {
  const denied = k.denied.slice(0, MAX_DENIED_KEYS).map(({ key, decision }) => ({
    key,
    decision: decision.effect === 'explicit-deny' ? ('explicit-deny' as const) : ('implicit-deny' as const),
    reason: decision.reason,
  }));
  const out: NonNullable<AuditRecord['keys']> = { checked: k.checked, denied };
  if (k.denied.length > MAX_DENIED_KEYS) out.moreDenied = k.denied.length - MAX_DENIED_KEYS;
  return out;
}

function errorFields(e: S3Error, reasonIsTheDecisions: boolean): NonNullable<AuditRecord['error']> {
  const out: NonNullable<AuditRecord['error']> = { code: e.code, status: e.status, message: e.message };
  // An InternalError's reason is a stack trace: the log has it whole, the record its first line.
  if (e.reason !== undefined && !reasonIsTheDecisions) out.reason = e.reason.split('\n', 1)[0]!.slice(0, 2000);
  const fields = safeErrorFields(e.fields);
  if (fields) out.fields = fields;
  return out;
}
