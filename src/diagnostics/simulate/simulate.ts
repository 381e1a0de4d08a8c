/**
 * `coffer simulate`: would this principal be allowed this action on this resource, and why?
 * Decided by the server's own PolicyAuthorizer over the data directory's stores (or the given
 * policy files), for a request whose condition keys the server's own requestFacts derives from
 * the `--context` — one code path with the server, no second evaluator. What the simulation had
 * to assume (a made-up principal, a bucket that does not exist) is listed with the answer.
 */
import type { Decision } from '../../authz/authorizer.ts';
import { PolicyAuthorizer } from '../../authz/policy-authorizer.ts';
import { PolicyError, S3_ACTIONS, parseBucketPolicy, parseIdentityPolicy } from '../../authz/policy/index.ts';
import { requestFacts } from '../../s3/request-facts.ts';
import type { BucketRecord } from '../../storage/types.ts';
import type { AuditRecord } from '../audit/audit-record.ts';
import { SimulateInputError, parseContext } from './parse-context.ts';
import { resolvePrincipal } from './resolve-principal.ts';
import { simulatedAuthentication, simulatedRequest } from './simulated-request.ts';
import { simulationAuthorizerDeps, type DataDirStores, type PolicyOverrides } from './simulation-stores.ts';

export interface SimulateInput extends PolicyOverrides {
  principal: string;
  action: string;
  /** `arn:aws:s3:::bucket`, `arn:aws:s3:::bucket/key`, or `*`. */
  resource: string;
  /** `key=value` condition keys. */
  context: readonly string[];
  /** The bucket's owner when the data directory does not have the bucket (default: the principal's account). */
  bucketOwner?: string;
  now: number;
}

/** The answer, with the evidence under the audit record's names (explain and simulate print both alike). */
export interface Simulation extends Pick<AuditRecord, 'reason' | 'message' | 'statements' | 'deniedBy' | 'conditionFailures' | 'acl' | 'notes'> {
  principal: string;
  principalType: 'Anonymous' | 'Account' | 'User' | 'AssumedRole';
  action: string;
  resource: string;
  bucket?: { name: string; owner: string; stored: boolean };
  /** The condition keys given (`--context`), as given. */
  context: Record<string, string>;
  /** Evaluated at (aws:CurrentTime). */
  time: string;
  /** Where the policies came from. */
  sources: { identityPolicies: string; bucketPolicy: string };
  /** What had to be made up or assumed. */
  assumptions: string[];
  decision: Decision['effect'];
  allowed: boolean;
}

/** Actions decided without the bucket's policies: the bucket does not exist yet (CreateBucket). */
const WITHOUT_BUCKET = new Set(['s3:createbucket', 's3:listallmybuckets']);

export async function simulate(input: SimulateInput, stores: DataDirStores): Promise<Simulation> {
  const facts = parseContext(input.context);
  const now = facts.now ?? input.now;
  const { principal, notes: assumptions } = await resolvePrincipal(input.principal, stores.identity);
  const target = parseResource(input.resource);
  const action = canonicalAction(input.action);
  checkPolicyFiles(input, target.bucket);

  let bucket: BucketRecord | undefined;
  let stored = false;
  if (target.bucket !== undefined && !WITHOUT_BUCKET.has(action.toLowerCase())) {
    bucket = await stores.metadata?.getBucket(target.bucket);
    stored = bucket !== undefined;
    if (bucket === undefined) {
      const owner = input.bucketOwner ?? (principal.type === 'Anonymous' ? undefined : principal.account.accountId);
      if (owner === undefined) throw new SimulateInputError(`bucket ${target.bucket} is not ${stores.metadata ? 'on this server' : 'known (no data directory)'}: say who owns it with --bucket-owner <account id>`);
      const account = principal.type !== 'Anonymous' && principal.account.accountId === owner ? principal.account : undefined;
      bucket = { name: target.bucket, region: 'us-east-1', locationConstraint: '', owner: { accountId: owner, canonicalId: account?.canonicalId ?? '', displayName: owner }, createdAt: now };
      assumptions.push(
        `bucket ${target.bucket} is not ${stores.metadata ? 'on this server (it would answer NoSuchBucket)' : 'known (no data directory)'}: evaluated as a bucket of account ${owner} with default settings`,
      );
    }
  }

  const authorizer = new PolicyAuthorizer(simulationAuthorizerDeps(stores, input));
  const auth = simulatedAuthentication(principal, facts, now);
  const req = simulatedRequest(target, facts, now);
  const versionId = req.query.get('versionId');
  const decision = await authorizer.authorize({
    auth,
    action,
    resource: input.resource,
    bucket,
    ...(target.key !== undefined ? { object: { key: target.key, ...(versionId !== undefined ? { versionId } : {}) } } : {}),
    facts: requestFacts(req, auth, action),
  });

  const t = decision.trace;
  return {
    principal: principal.type === 'Anonymous' ? 'anonymous' : principal.arn,
    principalType: principal.type,
    action,
    resource: input.resource,
    ...(bucket ? { bucket: { name: bucket.name, owner: bucket.owner.accountId, stored } } : {}),
    context: facts.given,
    time: new Date(now).toISOString(),
    sources: {
      identityPolicies: input.identityPolicies ? input.identityPolicies.map((f) => f.name).join(', ') : stores.identity ? 'the identity store' : 'none (no data directory)',
      bucketPolicy: input.bucketPolicy
        ? input.bucketPolicy.name
        : bucket === undefined
          ? 'none (no bucket)'
          : stored && (await stores.metadata?.getBucketConfig(bucket.name, 'policy')) !== undefined
            ? `the stored policy of '${bucket.name}'`
            : 'none stored',
    },
    assumptions,
    decision: decision.effect,
    allowed: decision.allowed,
    reason: decision.reason,
    ...(decision.message !== undefined && !decision.allowed ? { message: decision.message } : {}),
    statements: t?.statements ?? [],
    ...(t?.deniedBy ? { deniedBy: t.deniedBy } : {}),
    conditionFailures: t?.conditionFailures ?? [],
    ...(t?.acl ? { acl: t.acl } : {}),
    notes: t?.notes ?? [],
  };
}

function parseResource(resource: string): { bucket: string | undefined; key: string | undefined } {
  if (resource === '*') return { bucket: undefined, key: undefined };
  const m = /^arn:aws:s3:::([^/]+)(?:\/(.+))?$/.exec(resource);
  if (m === null) throw new SimulateInputError(`--resource "${resource}": give arn:aws:s3:::<bucket>, arn:aws:s3:::<bucket>/<key>, or * (ListAllMyBuckets)`);
  return { bucket: m[1]!, key: m[2] };
}

/** `s3:getobject` → `s3:GetObject`: the action appears in messages as AWS spells it. */
function canonicalAction(action: string): string {
  const known = S3_ACTIONS.get(action.toLowerCase());
  if (known === undefined) throw new SimulateInputError(`--action "${action}": not an S3 action (e.g. s3:GetObject, s3:PutObject, s3:ListBucket)`);
  return known.name;
}

/** A policy file that does not compile would silently count as no policy: say what is wrong instead. */
function checkPolicyFiles(input: PolicyOverrides, bucket: string | undefined): void {
  const check = (name: string, compile: () => unknown) => {
    try {
      compile();
    } catch (e) {
      if (e instanceof PolicyError) throw new SimulateInputError(`${name}: ${e.message}`);
      throw e;
    }
  };
  for (const f of input.identityPolicies ?? []) check(f.name, () => parseIdentityPolicy(f.text));
  if (input.bucketPolicy !== undefined) {
    if (bucket === undefined) throw new SimulateInputError('--bucket-policy-file needs a bucket or object --resource');
    check(input.bucketPolicy.name, () => parseBucketPolicy(input.bucketPolicy!.text, { bucket }));
  }
}
