import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Account } from '../../auth/principal.ts';
import { makeRequest } from '../../auth/sigv4/testing/make-request.ts';
import { PolicyAuthorizer } from '../../authz/policy-authorizer.ts';
import type { PolicyDocumentRef, Role, User } from '../../iam/iam-entities.ts';
import { requestFacts } from '../../s3/request-facts.ts';
import type { BucketConfigKind, BucketConfigs, BucketRecord } from '../../storage/types.ts';
import { SimulateInputError, parseContext } from './parse-context.ts';
import { resolvePrincipal } from './resolve-principal.ts';
import { simulate, type SimulateInput } from './simulate.ts';
import { simulatedAuthentication } from './simulated-request.ts';
import { simulationAuthorizerDeps, type DataDirStores } from './simulation-stores.ts';

const A = '111122223333';
const ACCOUNT: Account = { accountId: A, canonicalId: 'a'.repeat(64), displayName: 'a', email: 'a@example.com' };
const ALICE: User = { userId: 'AIDAALICE00000000000', userName: 'alice', path: '/', arn: `arn:aws:iam::${A}:user/alice`, createdAt: 0 } as User;
const APP: Role = { roleId: 'AROAAPP0000000000000', roleName: 'app', path: '/', arn: `arn:aws:iam::${A}:role/app` } as Role;
const PHOTOS: BucketRecord = { name: 'photos', region: 'us-east-1', locationConstraint: '', owner: { accountId: A, canonicalId: ACCOUNT.canonicalId, displayName: 'a' }, createdAt: 0 };

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const READ_FROM_OFFICE = policy({ Sid: 'ReadFromOffice', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
const MAX_AGE = policy({ Sid: 'MaxAge', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::photos/*', Condition: { NumericGreaterThan: { 's3:signatureAge': '600000' } } });

/** A data directory in memory: alice has READ_FROM_OFFICE inline; photos has MAX_AGE. */
function stores(configs: Partial<BucketConfigs> = { policy: { text: MAX_AGE } }): DataDirStores {
  const refs: PolicyDocumentRef[] = [{ source: 'inline', owner: 'user', ownerName: 'alice', policyName: 'office', document: READ_FROM_OFFICE }];
  return {
    metadata: {
      getBucket: async (name) => (name === 'photos' ? PHOTOS : undefined),
      getBucketConfig: async <K extends BucketConfigKind>(bucket: string, kind: K) => (bucket === 'photos' ? (configs[kind] as BucketConfigs[K] | undefined) : undefined),
      getBucketConfigs: async (bucket) => (bucket === 'photos' ? configs : {}),
      getObject: async () => undefined,
    },
    identity: {
      getAccount: async (id) => (id === A ? ACCOUNT : undefined),
      findAccountByCanonicalId: async (id) => (id === ACCOUNT.canonicalId ? ACCOUNT : undefined),
      findAccountByEmail: async () => undefined,
      getAccountPublicAccessBlock: async () => undefined,
      iam: {
        getUser: async (account, name) => (account === A && name === 'alice' ? ALICE : undefined),
        getRole: async (account, name) => (account === A && name === 'app' ? APP : undefined),
        identityPolicies: async (owner) => ('userId' in owner && owner.userId === ALICE.userId ? refs : []),
        permissionsBoundary: async () => undefined,
        managedPolicyDocument: async () => undefined,
      },
    },
  };
}

const NOW = Date.parse('2024-05-01T12:00:00Z');
const run = (input: Partial<SimulateInput>, s: DataDirStores = stores()) =>
  simulate({ principal: ALICE.arn, action: 's3:GetObject', resource: 'arn:aws:s3:::photos/cat.jpg', context: [], now: NOW, ...input }, s);

describe('simulate: the server’s authorizer over the stored policies', () => {
  it('reaches the decision the server’s own gathering reaches for the same request', async () => {
    const sim = await run({ context: ['aws:SourceIp=10.1.2.3', 'aws:UserAgent=curl/8'] });
    // What the pipeline does for GET /photos/cat.jpg from 10.1.2.3: requestFacts over the S3Request.
    const req = { ...makeRequest({ target: '/photos/cat.jpg', headers: { 'user-agent': 'curl/8' } }), remoteAddress: '10.1.2.3', receivedAt: NOW };
    const { principal } = await resolvePrincipal(ALICE.arn, stores().identity);
    const auth = simulatedAuthentication(principal, parseContext([]), NOW);
    const server = await new PolicyAuthorizer(simulationAuthorizerDeps(stores(), {})).authorize({
      auth,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::photos/cat.jpg',
      bucket: PHOTOS,
      object: { key: 'cat.jpg' },
      facts: requestFacts(req, auth, 's3:GetObject'),
    });
    assert.equal(sim.decision, 'allow');
    assert.deepEqual([sim.decision, sim.reason, sim.statements], [server.effect, server.reason, server.trace!.statements]);
    assert.equal(sim.reason, "allowed: statement 'ReadFromOffice' in identity policy 'alice/office' allows s3:GetObject on arn:aws:s3:::photos/cat.jpg");
    assert.deepEqual(sim.sources, { identityPolicies: 'the identity store', bucketPolicy: "the stored policy of 'photos'" });
    assert.deepEqual(sim.bucket, { name: 'photos', owner: A, stored: true });
  });

  it('an Allow whose condition fails: implicit deny, with the failed condition and its request value', async () => {
    const sim = await run({ context: ['aws:SourceIp=192.168.1.1'] });
    assert.equal(sim.decision, 'implicit-deny');
    assert.equal(sim.deniedBy, 'identity-based');
    assert.equal(sim.conditionFailures?.[0]?.condition.text, "aws:SourceIp '192.168.1.1' is not in '10.0.0.0/8'");
    assert.equal(sim.message, `User: ${ALICE.arn} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::photos/cat.jpg" because no identity-based policy allows the s3:GetObject action`);
  });

  it('s3:signatureAge and s3:authType become the signature the stored bucket policy tests', async () => {
    const root = `arn:aws:iam::${A}:root`;
    const old = await run({ principal: root, context: ['s3:signatureAge=700000', 's3:authType=REST-QUERY-STRING'] });
    assert.deepEqual([old.decision, old.reason], ['explicit-deny', "denied: statement 'MaxAge' in the bucket policy of 'photos' matched: s3:signatureAge 700000 > 600000"]);
    assert.equal((await run({ principal: root })).decision, 'allow', 'signed just now by default');
  });

  it('--policy-file and --bucket-policy-file replace the stored policies; a malformed file is an input error', async () => {
    const allowAll = { name: 'all.json', text: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) };
    const sim = await run({ identityPolicies: [allowAll], bucketPolicy: { name: 'none.json', text: policy({ Effect: 'Allow', Principal: { AWS: A }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::photos' }) }, context: ['s3:signatureAge=700000'] });
    assert.equal(sim.decision, 'allow', 'MaxAge was replaced; ReadFromOffice too');
    assert.match(sim.reason!, /identity policy 'all.json'/);
    assert.deepEqual(sim.sources, { identityPolicies: 'all.json', bucketPolicy: 'none.json' });
    await assert.rejects(run({ identityPolicies: [{ name: 'bad.json', text: '{"Version":"2012-10-17"' }] }), (e: Error) => e instanceof SimulateInputError && e.message.startsWith('bad.json: '));
    await assert.rejects(run({ bucketPolicy: { name: 'other.json', text: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::other/*' }) } }), /other.json: /);
  });

  it('without a data directory: the files alone, the principal and bucket made up from their ARNs, and said so', async () => {
    const sim = await run({ identityPolicies: [{ name: 'read.json', text: READ_FROM_OFFICE }], context: ['aws:SourceIp=10.0.0.1'] }, {});
    assert.equal(sim.decision, 'allow');
    assert.deepEqual(sim.assumptions, [
      'account 111122223333 is not known (no data directory): its canonical id is made up, so no ACL grant names it',
      `no IAM user ${ALICE.arn} (no data directory): evaluated as a user with no stored policies`,
      'bucket photos is not known (no data directory): evaluated as a bucket of account 111122223333 with default settings',
    ]);
    await assert.rejects(run({ principal: 'anonymous' }, {}), /say who owns it with --bucket-owner/);
    const anonymous = await run({ principal: 'anonymous', bucketOwner: A }, {});
    assert.equal(anonymous.decision, 'implicit-deny');
  });

  it('an ACL grant of the stored bucket ACL decides, as on the server', async () => {
    const s = stores({ ownership: { objectOwnership: 'ObjectWriter' }, acl: { grants: [{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' }] } });
    const sim = await run({ principal: 'anonymous', action: 's3:ListBucket', resource: 'arn:aws:s3:::photos' }, s);
    assert.equal(sim.decision, 'allow');
    assert.equal(sim.acl, 'the ACL of bucket photos grants READ to AllUsers');
  });
});

describe('resolvePrincipal', () => {
  it('users, accounts, roles and sessions from the identity store; a role ARN as a session of it', async () => {
    const { identity } = stores();
    assert.deepEqual((await resolvePrincipal(A, identity)).principal, { type: 'Account', account: ACCOUNT, arn: `arn:aws:iam::${A}:root` });
    assert.deepEqual((await resolvePrincipal(ALICE.arn, identity)).principal, { type: 'User', account: ACCOUNT, arn: ALICE.arn, userName: 'alice', userId: ALICE.userId });
    const role = await resolvePrincipal(APP.arn, identity);
    assert.deepEqual(role.principal, { type: 'AssumedRole', account: ACCOUNT, arn: `arn:aws:sts::${A}:assumed-role/app/coffer-simulate`, roleArn: APP.arn, roleName: 'app', userId: `${APP.roleId}:coffer-simulate`, sessionName: 'coffer-simulate' });
    assert.match(role.notes[0]!, /evaluated as the session 'coffer-simulate'/);
    const session = await resolvePrincipal(`arn:aws:sts::${A}:assumed-role/app/job1`, identity);
    assert.equal(session.principal.type === 'AssumedRole' && session.principal.userId, `${APP.roleId}:job1`);
    assert.deepEqual(session.notes, ['a session policy, if the session was given one, is not known here (it is sealed in the session token): evaluated without one']);
    assert.match((await resolvePrincipal(`arn:aws:iam::${A}:user/ghost`, identity)).notes[0]!, /^no IAM user arn:aws:iam::111122223333:user\/ghost on this server/);
    assert.match((await resolvePrincipal(`arn:aws:iam::${A}:user/eng/alice`, identity)).notes[0]!, /no IAM user/, 'the path is part of the ARN');
    await assert.rejects(resolvePrincipal('alice', identity), SimulateInputError);
  });
});

describe('parseContext', () => {
  it('turns condition keys back into the request parts they come from', () => {
    const f = parseContext(['aws:SourceIp=10.0.0.1', 'aws:SecureTransport=TRUE', 's3:prefix=home/', 's3:x-amz-acl=public-read', 's3:RequestObjectTag/team=a b', 'aws:CurrentTime=2024-05-01T00:00:00Z', 's3:signatureversion=AWS']);
    assert.deepEqual(
      { ...f, given: undefined },
      { sourceIp: '10.0.0.1', secure: true, now: Date.parse('2024-05-01T00:00:00Z'), signatureVersion: 'AWS', scheme: 'v2-header', query: [['prefix', 'home/']], headers: [['x-amz-acl', 'public-read'], ['x-amz-tagging', 'team=a%20b']], given: undefined },
    );
  });

  it('refuses what it cannot set, naming what it can', () => {
    assert.throws(() => parseContext(['aws:username=bob']), /aws:username: not a key simulate can set\. It sets: aws:SourceIp, /);
    assert.throws(() => parseContext(['aws:SecureTransport=yes']), /"yes" is not true or false/);
    assert.throws(() => parseContext(['s3:signatureAge=11m']), /not a number of milliseconds/);
    assert.throws(() => parseContext(['novalue']), /expected key=value/);
  });
});
