import type { IamCaller, IamResource } from '../iam-action.ts';

/** Access-key actions act on the owning user (or, without UserName, on the caller itself). */
export function keyOwnerResource(userName: string | undefined, caller: IamCaller): IamResource {
  return userName === undefined ? { kind: 'arn', arn: caller.principal.arn } : { kind: 'user', name: userName };
}
