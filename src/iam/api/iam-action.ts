/**
 * One IAM Query-API action as data plus a small handler: its name, the IAM action it needs
 * and the resource it acts on (for the authorizer, which the dispatcher asks before `handle`),
 * the parameter reader, and the handler that returns the `<ActionResult>` children.
 */
import type { Account, Principal } from '../../auth/principal.ts';
import type { XmlElement } from '../../query-api/query-xml.ts';
import type { IamStore } from '../iam-store.ts';
import type { IamInput } from './validation/iam-input.ts';

export type SignedPrincipal = Exclude<Principal, { type: 'Anonymous' }>;

export interface IamCaller {
  principal: SignedPrincipal;
  account: Account;
}

/**
 * What an action acts on. Users, groups and roles are named; the dispatcher turns them into
 * their ARN, path included (`arn:aws:iam::<acct>:user/<path><name>`), by looking them up.
 */
export type IamResource =
  | { kind: 'arn'; arn: string }
  | { kind: 'user' | 'group' | 'role'; name: string };

export interface IamContext {
  store: IamStore;
  caller: IamCaller;
  /** The request's time from the injected clock, epoch ms. */
  now: number;
}

export type IamResult = ReadonlyArray<XmlElement | undefined> | undefined;

export interface IamActionDefinition<I> {
  /** `CreateUser`: the `Action=` parameter. */
  readonly action: string;
  /** `iam:CreateUser`: what identity policies must allow. */
  readonly iamAction: `iam:${string}`;
  /** Reads and validates the parameters (violations are thrown by the dispatcher, together). */
  parse(input: IamInput, caller: IamCaller): I;
  resource(input: I, caller: IamCaller): IamResource;
  handle(input: I, ctx: IamContext): Promise<IamResult>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyIamAction = IamActionDefinition<any>;

/** Declares an action with its input type inferred from `parse`. */
export function iamAction<I>(definition: IamActionDefinition<I>): IamActionDefinition<I> {
  return definition;
}

/** `arn:aws:iam::<acct>:user/`: the resource of list and create calls that AWS names. */
export function accountResource(caller: IamCaller, type: string): IamResource {
  return { kind: 'arn', arn: `arn:aws:iam::${caller.account.accountId}:${type}` };
}
