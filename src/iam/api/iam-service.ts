/**
 * The IAM Query API (`Version=2010-05-08`, SigV4 service `iam`) as a QueryService: for each
 * call, read and validate the parameters (all violations at once, before anything else), find
 * the resource's ARN, ask `authorize` about the action's IAM action on it, then run the handler.
 * IamErrors become AWS's error responses here, and only here.
 */
import type { Authentication } from '../../auth/authentication.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { QueryApiError } from '../../query-api/query-error.ts';
import type { QueryAction, QueryContext, QueryService } from '../../query-api/query-service.ts';
import { groupArn, roleArn, userArn } from '../iam-arns.ts';
import { IamError, type IamErrorCode } from '../iam-error.ts';
import type { IamStore } from '../iam-store.ts';
import type { AnyIamAction, IamCaller, IamResource } from './iam-action.ts';
import { IAM_ACTIONS } from './iam-actions.ts';
import { IamInput } from './validation/iam-input.ts';

export const IAM_VERSION = '2010-05-08';
export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

export interface IamAccessRequest {
  caller: IamCaller;
  /** How the caller authenticated (session policies, condition keys). */
  auth: Authentication;
  /** The HTTP request, for the condition keys it carries (aws:SourceIp, aws:SecureTransport…). */
  req: S3Request;
  /** `CreateUser`. */
  action: string;
  /** `iam:CreateUser`. */
  iamAction: string;
  /** `arn:aws:iam::<acct>:user/<path><name>`. */
  resourceArn: string;
}

export type IamDecision = { allowed: true } | { allowed: false; message: string };

/** Decides an IAM call; the policy-based authorizer plugs in here. */
export type IamAuthorize = (request: IamAccessRequest) => Promise<IamDecision>;

/**
 * Without an authorizer (unit tests of the API): every signed caller acts within its own account.
 * The server always passes the policy authorizer; the account root is never asked.
 */
export const notYetEnforced: IamAuthorize = async () => ({ allowed: true });

export function iamQueryService(options: { store: IamStore; authorize?: IamAuthorize }): QueryService {
  const authorize = options.authorize ?? notYetEnforced;
  const actions: Record<string, QueryAction> = {};
  for (const definition of IAM_ACTIONS) {
    actions[definition.action] = { handle: (ctx) => run(definition, ctx, options.store, authorize) };
  }
  return { name: 'iam', version: IAM_VERSION, namespace: IAM_NAMESPACE, actions };
}

async function run(definition: AnyIamAction, ctx: QueryContext, store: IamStore, authorize: IamAuthorize) {
  if (ctx.auth.kind !== 'signed') throw new QueryApiError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
  const caller: IamCaller = { principal: ctx.auth.principal, account: ctx.auth.principal.account };
  try {
    const input = new IamInput(ctx.params);
    const parsed: unknown = definition.parse(input, caller);
    input.done();
    const resourceArn = await resolveResourceArn(definition.resource(parsed, caller), store, caller.account.accountId);
    if (caller.principal.type !== 'Account') {
      const decision = await authorize({ caller, auth: ctx.auth, req: ctx.req, action: definition.action, iamAction: definition.iamAction, resourceArn });
      if (!decision.allowed) throw new QueryApiError(403, 'AccessDenied', decision.message);
    }
    return await definition.handle(parsed, { store, caller, now: ctx.clock.now() });
  } catch (e) {
    throw e instanceof IamError ? toQueryApiError(e) : e;
  }
}

/** The ARN a resource names; a user, group or role that does not exist gets the default path. */
export async function resolveResourceArn(resource: IamResource, store: IamStore, accountId: string): Promise<string> {
  switch (resource.kind) {
    case 'arn':
      return resource.arn;
    case 'user':
      return (await store.users.get(accountId, resource.name))?.arn ?? userArn(accountId, '/', resource.name);
    case 'group':
      return (await store.groups.get(accountId, resource.name))?.arn ?? groupArn(accountId, '/', resource.name);
    case 'role':
      return (await store.roles.get(accountId, resource.name))?.arn ?? roleArn(accountId, '/', resource.name);
  }
}

const STATUS: Record<IamErrorCode, number> = {
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  DeleteConflict: 409,
  LimitExceeded: 409,
  MalformedPolicyDocument: 400,
  InvalidInput: 400,
  UnmodifiableEntity: 400,
  ValidationError: 400,
};

/** The one mapper from the IAM domain's errors to the Query protocol's (sts-iam.md §5.1). */
export function toQueryApiError(e: IamError): QueryApiError {
  return new QueryApiError(STATUS[e.code], e.code, e.message);
}
