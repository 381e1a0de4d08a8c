/**
 * The same faults are worded differently by the service that stores the policy. A dialect
 * turns a fault (plus its detail: the offending value) into AWS's code and message.
 *
 * S3 wording: policy-evaluation.md §1 table ([AWS] rows verbatim; [impl] rows as emulators
 * word them). IAM/STS wording: sts-iam.md §5.1 and messages recalled from IAM
 * (`Policy statement must contain actions.`, `Resource x must be in ARN format or "*".`,
 * the SID rules, `Invalid principal in policy: "AWS":"…"`, `Cannot exceed quota for
 * ACLSizePerRole: 2048`); where IAM's exact words are unknown, `Syntax errors in policy.`.
 */
import { PolicyError, type PolicyErrorCode, type PolicyFault } from './policy-error.ts';

export type PolicyDialect = 'bucket' | 'identity' | 'session' | 'trust';

type Wording = (detail: string) => string;
type Table = Partial<Record<PolicyFault, string | Wording>>;

const S3: Table = {
  'not-object': "Policies must be valid JSON and the first byte must be '{'",
  'invalid-json': 'This policy contains invalid Json',
  syntax: 'Invalid policy syntax.',
  // [uncertain] S3's wording for an over-size policy.
  'too-large': 'Policy exceeds the maximum allowed document size.',
  version: 'The policy must contain a valid version string',
  'missing-statement': 'Missing required field Statement',
  'empty-statement': 'Could not parse the policy: Statement is empty!',
  'missing-effect': 'Missing required field Effect',
  'invalid-effect': (x) => `Invalid effect: ${x}`,
  'missing-principal': 'Missing required field Principal',
  'invalid-principal': 'Invalid principal in policy',
  'principal-not-allowed': 'Invalid principal in policy',
  'missing-action': 'Missing required field Action',
  'invalid-action': 'Policy has invalid action',
  'missing-resource': 'Missing required field Resource',
  'invalid-resource': 'Policy has invalid resource',
  'prohibited-resource': 'Policy has invalid resource',
  'action-resource-mismatch': 'Action does not apply to any resource(s) in statement',
  'invalid-condition-key': 'Policy has an invalid condition key',
  'condition-not-applicable': 'Conditions do not apply to combination of actions and resources in statement',
  'invalid-condition-type': (op) => `Invalid Condition type : ${op}`,
  'invalid-ip': 'Invalid IP address in Conditions',
  'invalid-sid': 'Invalid policy syntax.',
  'duplicate-sid': 'Invalid policy syntax.',
};

const IAM_SYNTAX = 'Syntax errors in policy.';

const IAM: Table = {
  'not-object': IAM_SYNTAX,
  'invalid-json': IAM_SYNTAX,
  syntax: IAM_SYNTAX,
  'too-large': (limit) => `Cannot exceed quota for PolicySize: ${limit}`,
  // [from memory] IAM's answer to an unknown Version string.
  version: 'The policy failed legacy parsing',
  'principal-not-allowed': 'Policy document should not specify a principal.',
  'missing-action': 'Policy statement must contain actions.',
  'invalid-action': 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  'missing-resource': 'Policy statement must contain resources.',
  'invalid-resource': (r) => `Resource ${r} must be in ARN format or "*".`,
  'invalid-sid': 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  'duplicate-sid': 'Statement IDs (SID) in a single policy must be unique.',
  'invalid-condition-key': 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
};

const SESSION: Table = {
  ...IAM,
  // sts-iam.md §2.7 (uncertain): STS's words for a session policy that is not JSON.
  'not-object': 'The policy is not in the valid JSON format.',
  'invalid-json': 'The policy is not in the valid JSON format.',
};

const TRUST: Table = {
  ...IAM,
  'too-large': (limit) => `Cannot exceed quota for ACLSizePerRole: ${limit}`,
  // [uncertain] IAM's words for a trust policy statement without Principal.
  'missing-principal': 'Missing required field Principal',
  'invalid-principal': (p) => `Invalid principal in policy: ${p}`,
  'prohibited-resource': (element) => `Has prohibited field ${element}`,
};

const TABLES: Record<PolicyDialect, Table> = { bucket: S3, identity: IAM, session: SESSION, trust: TRUST };

/** Builds the error the dialect's service answers with for `fault`. */
export function policyFault(dialect: PolicyDialect, fault: PolicyFault, detail = ''): PolicyError {
  const entry = TABLES[dialect][fault] ?? IAM_SYNTAX;
  const message = typeof entry === 'function' ? entry(detail) : entry;
  return new PolicyError(codeOf(dialect, fault), message, fault);
}

function codeOf(dialect: PolicyDialect, fault: PolicyFault): PolicyErrorCode {
  if (dialect === 'bucket') return 'MalformedPolicy';
  // IAM reports size quotas as LimitExceeded, everything else as MalformedPolicyDocument.
  return fault === 'too-large' ? 'LimitExceeded' : 'MalformedPolicyDocument';
}
