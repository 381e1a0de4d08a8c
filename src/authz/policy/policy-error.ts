/**
 * The one error the policy parser throws. `code` and `message` are what AWS answers with
 * (S3 PutBucketPolicy: 400 MalformedPolicy; IAM/STS: 400 MalformedPolicyDocument or 409
 * LimitExceeded); `fault` names the rule that failed, for tests and the diagnostics trail.
 * The edge maps it to an S3Error / IAM error; nothing here knows about HTTP.
 */
export type PolicyErrorCode = 'MalformedPolicy' | 'MalformedPolicyDocument' | 'LimitExceeded';

export type PolicyFault =
  | 'not-object'
  | 'invalid-json'
  | 'syntax'
  | 'too-large'
  | 'version'
  | 'missing-statement'
  | 'empty-statement'
  | 'missing-effect'
  | 'invalid-effect'
  | 'missing-principal'
  | 'invalid-principal'
  | 'principal-not-allowed'
  | 'missing-action'
  | 'invalid-action'
  | 'missing-resource'
  | 'invalid-resource'
  | 'prohibited-resource'
  | 'action-resource-mismatch'
  | 'invalid-condition-key'
  | 'condition-not-applicable'
  | 'invalid-condition-type'
  | 'invalid-ip'
  | 'invalid-sid'
  | 'duplicate-sid';

export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  readonly fault: PolicyFault;

  constructor(code: PolicyErrorCode, message: string, fault: PolicyFault) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    this.fault = fault;
  }
}
