/** Test support: requests, authentications and decisions as the pipeline hands them to the audit log. */
import type { Authentication } from '../../../auth/authentication.ts';
import type { Principal } from '../../../auth/principal.ts';
import { makeRequest, type RequestSpec } from '../../../auth/sigv4/testing/make-request.ts';
import type { Decision } from '../../../authz/authorizer.ts';
import type { S3Request } from '../../../s3/s3-request.ts';
import type { AuditInput } from '../build-audit-record.ts';

export const ACCOUNT = { accountId: '111122223333', canonicalId: 'c'.repeat(64), displayName: 'test', email: 'test@example.com' };
export const ROOT: Principal = { type: 'Account', account: ACCOUNT, arn: 'arn:aws:iam::111122223333:root' };
export const ALICE: Principal = { type: 'User', account: ACCOUNT, arn: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', userId: 'AIDAALICEXXXXXXXXXXX' };
export const RECEIVED_AT = Date.parse('2024-05-01T12:11:00.250Z');

export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const SIGNATURE = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN+with/slashes=';

/** GET /photos/cat.jpg as http/ builds it, plus what the spec adds. */
export function request(spec: Partial<RequestSpec> = {}, extra: Partial<S3Request> = {}): S3Request {
  return {
    ...makeRequest({ target: '/photos/cat.jpg', ...spec }),
    id: 'REQUEST000000001',
    bucket: 'photos',
    key: 'cat.jpg',
    addressing: 'path',
    remoteAddress: '203.0.113.9',
    receivedAt: RECEIVED_AT,
    ...extra,
  };
}

export function signed(principal: Principal, options: { scheme?: 'v4-header' | 'v4-query'; sessionToken?: string; accessKeyId?: string } = {}): Authentication {
  if (principal.type === 'Anonymous') return { kind: 'anonymous', principal };
  return {
    kind: 'signed',
    scheme: options.scheme ?? 'v4-header',
    principal,
    credential: {
      accessKeyId: options.accessKeyId ?? (options.sessionToken ? 'ASIAEXAMPLESESSION01' : 'AKIAEXAMPLEALICE0001'),
      principal,
      ...(options.sessionToken ? { sessionToken: options.sessionToken, expiresAt: RECEIVED_AT + 900_000, issuedAt: RECEIVED_AT - 60_000 } : {}),
      signingKey: () => Buffer.from(SECRET),
      signV2: () => SIGNATURE,
    },
    signatureVersion: 'AWS4-HMAC-SHA256',
    signedAt: RECEIVED_AT - 660_000,
    scope: { date: '20240501', region: 'us-east-1', service: 's3' },
    seed: { signature: SIGNATURE, amzDate: '20240501T120000Z', scopeString: '20240501/us-east-1/s3/aws4_request', signingKey: Buffer.from(SECRET), canonicalRequest: `GET\n/photos/cat.jpg\nX-Amz-Security-Token=${SESSION_TOKEN}` },
  };
}

export const DENIED_BY_MAX_AGE: Decision = {
  allowed: false,
  effect: 'explicit-deny',
  reason: "denied: statement 'MaxAge' in the bucket policy of 'photos' matched: s3:signatureAge 660000 > 600000",
  message: 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::photos/cat.jpg" with an explicit deny in a resource-based policy',
  trace: {
    statements: [
      {
        policyKind: 'bucket',
        policyName: 'photos',
        sid: 'MaxAge',
        index: 0,
        effect: 'Deny',
        conditions: [{ operator: 'NumericGreaterThan', key: 's3:signatureAge', requestValue: '660000', policyValues: ['600000'], held: true, text: 's3:signatureAge 660000 > 600000' }],
      },
    ],
    deniedBy: 'resource-based',
    conditionFailures: [],
    acl: undefined,
    notes: [],
  },
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::photos/cat.jpg',
};

export const ALLOWED_BY_ACL: Decision = {
  allowed: true,
  effect: 'allow',
  reason: 'allowed: the ACL of bucket photos grants READ to AllUsers',
  trace: { statements: [], deniedBy: undefined, conditionFailures: [], acl: 'the ACL of bucket photos grants READ to AllUsers', notes: ['RestrictPublicBuckets is off'] },
  action: 's3:ListBucket',
  resource: 'arn:aws:s3:::photos',
};

export function input(req: S3Request, outcome: AuditInput['outcome']): AuditInput {
  return { requestId: req.id, req, outcome, receivedAt: req.receivedAt, ms: 1.234 };
}
