import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBucketPolicy, parseIdentityPolicy, parseSessionPolicy, parseTrustPolicy } from './parse-policies.ts';
import { PolicyError } from './policy-error.ts';

const doc = (statements: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ Version: '2012-10-17', ...extra, Statement: statements });
const allowGet = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' };

function fails(parse: () => unknown, code: string, message: string) {
  assert.throws(parse, (e: unknown) => {
    assert.ok(e instanceof PolicyError, String(e));
    assert.deepEqual({ code: e.code, message: e.message }, { code, message });
    return true;
  });
}

const bucket = (text: string, resolve?: (arn: string) => string | undefined) =>
  parseBucketPolicy(text, {
    bucket: 'photos',
    ...(resolve ? { resolvePrincipal: (r) => (resolve(r.arn) === undefined ? undefined : { uniqueId: resolve(r.arn)! }) } : {}),
  });

test('bucket policy faults, each with S3 MalformedPolicy wording (§1 table)', () => {
  const S: Array<[string, string, string]> = [
    ['not JSON at all', 'photos', "Policies must be valid JSON and the first byte must be '{'"],
    ['empty body', '', "Policies must be valid JSON and the first byte must be '{'"],
    ['an array', '[]', "Policies must be valid JSON and the first byte must be '{'"],
    ['broken JSON', '{"Version": ', 'This policy contains invalid Json'],
    ['trailing garbage', '{} x', 'This policy contains invalid Json'],
    ['unknown top-level element', doc([allowGet], { Foo: 1 }), 'Invalid policy syntax.'],
    ['duplicate key', '{"Version":"2012-10-17","Version":"2012-10-17","Statement":[]}', 'Invalid policy syntax.'],
    ['bad version', doc([allowGet], { Version: '2012-10-18' }), 'The policy must contain a valid version string'],
    ['numeric version', JSON.stringify({ Version: 2012, Statement: [allowGet] }), 'The policy must contain a valid version string'],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'Missing required field Statement'],
    ['empty Statement', doc([]), 'Could not parse the policy: Statement is empty!'],
    ['statement not an object', doc(['x']), 'Invalid policy syntax.'],
    ['unknown statement element', doc([{ ...allowGet, Foo: 'x' }]), 'Invalid policy syntax.'],
    ['Action and NotAction', doc([{ ...allowGet, NotAction: 's3:PutObject' }]), 'Invalid policy syntax.'],
    ['Principal and NotPrincipal', doc([{ ...allowGet, NotPrincipal: '*' }]), 'Invalid policy syntax.'],
    ['no Effect', doc([{ ...allowGet, Effect: undefined }]), 'Missing required field Effect'],
    ['lower-case effect', doc([{ ...allowGet, Effect: 'allow' }]), 'Invalid effect: allow'],
    ['no Principal', doc([{ ...allowGet, Principal: undefined }]), 'Missing required field Principal'],
    ['principal string not *', doc([{ ...allowGet, Principal: 'alice' }]), 'Invalid principal in policy'],
    ['wildcard inside a principal ARN', doc([{ ...allowGet, Principal: { AWS: 'arn:aws:iam::111122223333:user/*' } }]), 'Invalid principal in policy'],
    ['unknown principal type', doc([{ ...allowGet, Principal: { Foo: 'x' } }]), 'Invalid principal in policy'],
    ['Federated in a bucket policy', doc([{ ...allowGet, Principal: { Federated: 'cognito-identity.amazonaws.com' } }]), 'Invalid principal in policy'],
    ['bad canonical user', doc([{ ...allowGet, Principal: { CanonicalUser: 'abc' } }]), 'Invalid principal in policy'],
    ['malformed account', doc([{ ...allowGet, Principal: { AWS: '1234' } }]), 'Invalid principal in policy'],
    ['no Action', doc([{ ...allowGet, Action: undefined }]), 'Missing required field Action'],
    ['unknown s3 action', doc([{ ...allowGet, Action: 's3:GetObjekt' }]), 'Policy has invalid action'],
    ['wildcard naming nothing', doc([{ ...allowGet, Action: 's3:Frob*' }]), 'Policy has invalid action'],
    ['another service', doc([{ ...allowGet, Action: 'ec2:RunInstances' }]), 'Policy has invalid action'],
    ['empty action list', doc([{ ...allowGet, Action: [] }]), 'Invalid policy syntax.'],
    ['no Resource', doc([{ ...allowGet, Resource: undefined }]), 'Missing required field Resource'],
    ['another bucket', doc([{ ...allowGet, Resource: 'arn:aws:s3:::other/*' }]), 'Policy has invalid resource'],
    ['not an S3 ARN', doc([{ ...allowGet, Resource: 'arn:aws:iam::111122223333:user/alice' }]), 'Policy has invalid resource'],
    ['a bucket with our name as prefix only', doc([{ ...allowGet, Resource: 'arn:aws:s3:::photos-2/*' }]), 'Policy has invalid resource'],
    ['object action on the bucket only', doc([{ ...allowGet, Resource: 'arn:aws:s3:::photos' }]), 'Action does not apply to any resource(s) in statement'],
    ['bucket action on objects only', doc([{ ...allowGet, Action: 's3:ListBucket' }]), 'Action does not apply to any resource(s) in statement'],
    ['account action in a bucket policy', doc([{ ...allowGet, Action: 's3:ListAllMyBuckets', Resource: '*' }]), 'Action does not apply to any resource(s) in statement'],
    ['unknown operator', doc([{ ...allowGet, Condition: { StringEqualz: { 'aws:username': 'x' } } }]), 'Invalid Condition type : StringEqualz'],
    ['NullIfExists', doc([{ ...allowGet, Condition: { NullIfExists: { 'aws:username': 'true' } } }]), 'Invalid Condition type : NullIfExists'],
    ['bad qualifier', doc([{ ...allowGet, Condition: { 'ForSomeValues:StringLike': { 'aws:TagKeys': 'x' } } }]), 'Invalid Condition type : ForSomeValues:StringLike'],
    ['bad IP', doc([{ ...allowGet, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } } }]), 'Invalid IP address in Conditions'],
    ['unknown s3 key', doc([{ ...allowGet, Condition: { StringEquals: { 's3:prefixx': 'a' } } }]), 'Policy has an invalid condition key'],
    ['unknown aws key', doc([{ ...allowGet, Condition: { StringEquals: { 'aws:SourceIpz': 'a' } } }]), 'Policy has an invalid condition key'],
    ['another service key', doc([{ ...allowGet, Condition: { StringEquals: { 'ec2:Region': 'a' } } }]), 'Policy has an invalid condition key'],
    ['s3:prefix on GetObject', doc([{ ...allowGet, Condition: { StringLike: { 's3:prefix': 'a/*' } } }]), 'Conditions do not apply to combination of actions and resources in statement'],
    ['condition with no keys', doc([{ ...allowGet, Condition: { StringEquals: {} } }]), 'Invalid policy syntax.'],
    ['condition value null', doc([{ ...allowGet, Condition: { StringEquals: { 'aws:username': null } } }]), 'Invalid policy syntax.'],
    ['over 20 KB', doc([{ ...allowGet, Sid: 'x'.repeat(20 * 1024) }]), 'Policy exceeds the maximum allowed document size.'],
  ];
  for (const [name, text, message] of S) {
    fails(() => bucket(text), 'MalformedPolicy', message);
    void name;
  }
});

test('the first fault in document order is the one reported', () => {
  const text = doc([
    { ...allowGet, Resource: 'arn:aws:s3:::other/*' },
    { ...allowGet, Action: 's3:Nope' },
  ]);
  fails(() => bucket(text), 'MalformedPolicy', 'Policy has invalid resource');
  // Within a statement: principal before action before resource.
  fails(() => bucket(doc([{ ...allowGet, Principal: { AWS: 'x' }, Action: 's3:Nope' }])), 'MalformedPolicy', 'Invalid principal in policy');
});

test('bucket policies that S3 accepts', () => {
  const ok = [
    doc([allowGet]),
    doc(allowGet), // a lone statement object
    JSON.stringify({ Statement: [allowGet] }), // no Version
    JSON.stringify({ Version: '2008-10-17', Id: 'x', Statement: [{ ...allowGet, Sid: 'any text !' }] }),
    doc([{ ...allowGet, Action: ['S3:getobject', 's3:Get*', 's3:*Object*', 's3:?etObject', '*'] }]),
    doc([{ ...allowGet, Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'], Action: 's3:*' }]),
    doc([{ ...allowGet, Resource: 'arn:aws:s3:::photos*' }]),
    doc([{ ...allowGet, Resource: '*' }]),
    doc([{ ...allowGet, Resource: 'arn:aws:s3:::photos/home/${aws:username}/*' }]),
    doc([{ ...allowGet, NotResource: 'arn:aws:s3:::photos/secret/*', Resource: undefined }]),
    doc([{ ...allowGet, NotAction: 's3:DeleteObject', Action: undefined }]),
    doc([{ ...allowGet, Principal: { AWS: ['111122223333', 'arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:user/path/alice'] } }]),
    doc([{ ...allowGet, Principal: { AWS: 'arn:aws:sts::111122223333:assumed-role/app/job1' } }]),
    doc([{ ...allowGet, Principal: { CanonicalUser: 'a'.repeat(64) } }]),
    doc([{ ...allowGet, Principal: { Service: 'logging.s3.amazonaws.com' } }]),
    doc([{ ...allowGet, Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Principal: undefined }]),
    doc([{ ...allowGet, Condition: { Bool: { 'aws:SecureTransport': false }, NumericGreaterThan: { 's3:signatureAge': 600000 } } }]),
    doc([{ ...allowGet, Condition: { StringEquals: { 's3:ExistingObjectTag/team': 'a' }, 'ForAnyValue:StringLike': { 'aws:PrincipalTag/x': ['a', 'b'] } } }]),
    doc([{ ...allowGet, Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'], Condition: { StringLike: { 's3:prefix': 'a/*' } } }]),
    doc([{ ...allowGet, Condition: { stringequals: { 'AWS:USERNAME': 'x' } } }]), // operator and key names in any case
    '  \n' + doc([allowGet]) + '\n',
  ];
  for (const text of ok) assert.doesNotThrow(() => bucket(text), text);
});

test('principal resolution hook: unknown users and roles are invalid; known ones keep their unique id', () => {
  const known: Record<string, string> = { 'arn:aws:iam::111122223333:user/alice': 'AIDAALICE0000000000X' };
  const text = (arn: string) => doc([{ ...allowGet, Principal: { AWS: arn } }]);
  fails(() => bucket(text('arn:aws:iam::111122223333:user/ghost'), (a) => known[a]), 'MalformedPolicy', 'Invalid principal in policy');
  fails(() => bucket(text('arn:aws:iam::111122223333:role/ghost'), (a) => known[a]), 'MalformedPolicy', 'Invalid principal in policy');
  const p = bucket(text('arn:aws:iam::111122223333:user/alice'), (a) => known[a]);
  assert.deepEqual(p.statements[0]!.principal!.entries[0], {
    kind: 'user',
    arn: 'arn:aws:iam::111122223333:user/alice',
    accountId: '111122223333',
    uniqueId: 'AIDAALICE0000000000X',
  });
  // Accounts and session ARNs are not looked up.
  assert.doesNotThrow(() => bucket(text('111122223333'), () => undefined));
});

test('identity policy faults: IAM MalformedPolicyDocument wording', () => {
  const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
  const I: Array<[string, string, string]> = [
    ['not JSON', 'nope', 'Syntax errors in policy.'],
    ['broken JSON', '{"Statement": [', 'Syntax errors in policy.'],
    ['unknown element', doc([{ ...allow, Foo: 1 }]), 'Syntax errors in policy.'],
    ['Principal', doc([{ ...allow, Principal: '*' }]), 'Policy document should not specify a principal.'],
    ['NotPrincipal', doc([{ ...allow, NotPrincipal: { AWS: '111122223333' } }]), 'Policy document should not specify a principal.'],
    ['no Action', doc([{ ...allow, Action: undefined }]), 'Policy statement must contain actions.'],
    ['no vendor', doc([{ ...allow, Action: 'GetObject' }]), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
    ['no Resource', doc([{ ...allow, Resource: undefined }]), 'Policy statement must contain resources.'],
    ['not an ARN', doc([{ ...allow, Resource: 'photos/*' }]), 'Resource photos/* must be in ARN format or "*".'],
    ['condition key without vendor', doc([{ ...allow, Condition: { StringEquals: { username: 'x' } } }]), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
    ['bad Sid', doc([{ ...allow, Sid: 'has space' }]), 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'],
    ['duplicate Sid', doc([{ ...allow, Sid: 'A' }, { ...allow, Sid: 'A' }]), 'Statement IDs (SID) in a single policy must be unique.'],
    ['bad version', doc([allow], { Version: '2012-10-7' }), 'The policy failed legacy parsing'],
  ];
  for (const [, text, message] of I) fails(() => parseIdentityPolicy(text), 'MalformedPolicyDocument', message);
  fails(() => parseIdentityPolicy(doc([allow]), { maxSize: 20 }), 'LimitExceeded', 'Cannot exceed quota for PolicySize: 20');
  // IAM does not check action or key names against a service's list.
  assert.doesNotThrow(() => parseIdentityPolicy(doc([{ ...allow, Action: ['s3:Whatever', 'iam:*', '*'], Condition: { StringEquals: { 'foo:bar': 'x' } } }])));
});

test('session policies: identity rules, STS JSON wording', () => {
  fails(() => parseSessionPolicy('nope'), 'MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
  fails(() => parseSessionPolicy(doc([{ ...allowGet }])), 'MalformedPolicyDocument', 'Policy document should not specify a principal.');
});

test('trust policy faults', () => {
  const trust = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' };
  fails(() => parseTrustPolicy(doc([{ ...trust, Resource: '*' }])), 'MalformedPolicyDocument', 'Has prohibited field Resource');
  fails(() => parseTrustPolicy(doc([{ ...trust, NotResource: '*' }])), 'MalformedPolicyDocument', 'Has prohibited field NotResource');
  fails(() => parseTrustPolicy(doc([{ ...trust, Principal: undefined }])), 'MalformedPolicyDocument', 'Missing required field Principal');
  fails(
    () => parseTrustPolicy(doc([{ ...trust, Principal: { AWS: 'arn:aws:iam::111122223333:user/ghost' } }]), { resolvePrincipal: () => undefined }),
    'MalformedPolicyDocument',
    'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:user/ghost"',
  );
  fails(() => parseTrustPolicy(doc([{ ...trust, Sid: 'x'.repeat(3000) }])), 'LimitExceeded', 'Cannot exceed quota for ACLSizePerRole: 2048');
  assert.doesNotThrow(() =>
    parseTrustPolicy(
      doc([
        trust,
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
      ]),
    ),
  );
});

test('the compiled policy keeps the document: pairs, normalised lists and condition values as text', () => {
  const p = bucket(
    doc([{ Sid: 'S', Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, NotAction: 's3:GetObject', NotResource: 'arn:aws:s3:::photos/a', Condition: { NumericLessThan: { 's3:max-keys': 1.50 }, Bool: { 'aws:SecureTransport': true } } }]),
  );
  const s = p.document.statements[0]!;
  assert.equal(s.principalElement, 'NotPrincipal');
  assert.equal(s.actionElement, 'NotAction');
  assert.equal(s.resourceElement, 'NotResource');
  assert.deepEqual(s.actions, ['s3:GetObject']);
  assert.deepEqual(
    s.conditions.map((c) => [c.operator, c.key, c.values]),
    [
      ['NumericLessThan', 's3:max-keys', ['1.5']],
      ['Bool', 'aws:SecureTransport', ['true']],
    ],
  );
  assert.equal(p.dialect, 'bucket');
  assert.equal(p.document.version, '2012-10-17');
});
