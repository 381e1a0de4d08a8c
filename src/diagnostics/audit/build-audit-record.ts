/**
 * Turns a request and its pipeline outcome into its audit record. Pure and cheap: it copies the
 * decision's trace (already computed for the request) and reads a few request fields; nothing
 * here touches the disk.
 */
import type { Authentication } from '../../auth/authentication.ts';
import type { Decision } from '../../authz/authorizer.ts';
import type { S3Error } from '../../s3/errors/s3-error.ts';
import type { PipelineOutcome } from '../../s3/pipeline.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { AUDIT_RECORD_VERSION, type AuditDecision, type AuditRecord } from './audit-record.ts';
import { describeAuthFailure } from './describe-auth-failure.ts';
import { readRequestSigning } from './read-request-signing.ts';
import { safeErrorFields } from './safe-error-fields.ts';

export interface AuditInput {
  requestId: string;
  /** Undefined when the request line itself was malformed. */
  req: S3Request | undefined;
  outcome: Pick<PipelineOutcome, 'operation' | 'auth' | 'decision' | 'error'> & { response: { status: number } };
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
  const record: AuditRecord = {
    v: AUDIT_RECORD_VERSION,
    time,
    requestId: input.requestId,
    ...(req?.method ?? input.method ? { method: req?.method ?? input.method } : {}),
    ...(req ? { path: req.rawPath } : {}),
    ...(outcome.operation ? { operation: outcome.operation } : {}),
    status: outcome.response.status,
    ...principalFields(auth, signing?.accessKeyId),
    ...(signing?.accessKeyId ? { accessKeyId: signing.accessKeyId } : {}),
    ...(signing?.tokenSent ? { temporaryCredentials: true } : {}),
    ...((req?.remoteAddress ?? input.remoteAddress) ? { sourceIp: req?.remoteAddress ?? input.remoteAddress } : {}),
    ...(req ? { secureTransport: req.secure } : {}),
    ...(req?.headers.has('user-agent') ? { userAgent: req.headers.get('user-agent')! } : {}),
    ...(signing && signing.authentication.scheme !== 'none' ? { authentication: signing.authentication } : {}),
    ...(decision ? decisionFields(decision) : resourceOf(req)),
    decision: verdict,
  };
  if (error) record.error = errorFields(error);
  if (verdict === 'not-authorized-because-authentication-failed' && record.error) {
    record.reason = describeAuthFailure(record.error, record.authentication, record.accessKeyId, time);
  }
  if (input.ms !== undefined) record.ms = Math.round(input.ms * 10) / 10;
  return record;
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

function principalFields(auth: Authentication | undefined, claimedKey: string | undefined): Pick<AuditRecord, 'principal' | 'principalType' | 'accountId'> {
  // Signed, but authentication failed (or never ran): nobody was established.
  if (auth === undefined) return { principal: claimedKey === undefined ? 'anonymous' : 'unauthenticated' };
  const p = auth.principal;
  if (p.type === 'Anonymous') return { principal: 'anonymous', principalType: 'Anonymous' };
  return { principal: p.arn, principalType: p.type, accountId: p.account.accountId };
}

function decisionFields(d: Decision): Partial<AuditRecord> {
  const t = d.trace;
  return {
    ...(d.action ? { action: d.action } : {}),
    ...(d.resource ? { resource: d.resource } : {}),
    reason: d.reason,
    ...(d.message !== undefined && !d.allowed ? { message: d.message } : {}),
    ...(t && t.statements.length > 0 ? { statements: t.statements } : {}),
    ...(t?.deniedBy ? { deniedBy: t.deniedBy } : {}),
    ...(t && t.conditionFailures.length > 0 ? { conditionFailures: t.conditionFailures } : {}),
    ...(t?.acl ? { acl: t.acl } : {}),
    ...(t && t.notes.length > 0 ? { notes: t.notes } : {}),
  };
}

/** Not authorized: the resource the request addressed, for the record's "what". */
function resourceOf(req: S3Request | undefined): Partial<AuditRecord> {
  if (req?.bucket === undefined) return {};
  return { resource: req.key === undefined ? `arn:aws:s3:::${req.bucket}` : `arn:aws:s3:::${req.bucket}/${req.key}` };
}

function errorFields(e: S3Error): NonNullable<AuditRecord['error']> {
  const fields = safeErrorFields(e.fields);
  return {
    code: e.code,
    status: e.status,
    message: e.message,
    // An InternalError's reason is a stack trace: the log has it whole, the record its first line.
    ...(e.reason !== undefined ? { reason: e.reason.split('\n', 1)[0]!.slice(0, 2000) } : {}),
    ...(fields ? { fields } : {}),
  };
}
