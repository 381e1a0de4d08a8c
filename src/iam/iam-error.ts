/**
 * The IAM domain's errors, thrown by the store and the IAM actions with AWS's code and words
 * (../shared/spec/sts-iam.md §5.1); `toQueryApiError` in api/ is the one mapper to the wire.
 * Words marked [AWS] were observed on AWS; [impl] follow emulators; [uncertain] are ours.
 */
import type { EntityKind } from './iam-entities.ts';

export type IamErrorCode =
  | 'NoSuchEntity'
  | 'EntityAlreadyExists'
  | 'DeleteConflict'
  | 'LimitExceeded'
  | 'MalformedPolicyDocument'
  | 'InvalidInput'
  | 'UnmodifiableEntity'
  | 'ValidationError';

export class IamError extends Error {
  readonly code: IamErrorCode;
  constructor(code: IamErrorCode, message: string) {
    super(message);
    this.name = 'IamError';
    this.code = code;
  }
}

const NOUN: Record<EntityKind, string> = { user: 'user', group: 'group', role: 'role' };
const TITLE: Record<EntityKind, string> = { user: 'User', group: 'Group', role: 'Role' };

/** [AWS] `The user with name alice cannot be found.` (likewise role; group [impl]). */
export function noSuchEntity(kind: EntityKind, name: string): IamError {
  return new IamError('NoSuchEntity', `The ${NOUN[kind]} with name ${name} cannot be found.`);
}

/** [AWS] `The user policy with name p cannot be found.` */
export function noSuchInlinePolicy(kind: EntityKind, policyName: string): IamError {
  return new IamError('NoSuchEntity', `The ${NOUN[kind]} policy with name ${policyName} cannot be found.`);
}

/** [AWS] GetPolicy / DeletePolicy / DetachUserPolicy of an unknown (or unattached) policy. */
export function noSuchPolicy(arn: string): IamError {
  return new IamError('NoSuchEntity', `Policy ${arn} was not found.`);
}

/** [impl] Attach*Policy, Put*PermissionsBoundary, PermissionsBoundary parameters. */
export function policyNotAttachable(arn: string): IamError {
  return new IamError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
}

/** [from memory] GetPolicyVersion / DeletePolicyVersion / SetDefaultPolicyVersion. */
export function noSuchPolicyVersion(arn: string, versionId: string): IamError {
  return new IamError('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`);
}

/** [AWS] */
export function noSuchAccessKey(accessKeyId: string): IamError {
  return new IamError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);
}

/** [impl] */
export function noSuchOpenIdConnectProvider(arn: string): IamError {
  return new IamError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`);
}

/** [uncertain] RemoveUserFromGroup for a user who is not a member. */
export function notAMember(userName: string, groupName: string): IamError {
  return new IamError('NoSuchEntity', `User ${userName} is not in group ${groupName}.`);
}

/** [AWS] `User with name alice already exists.` (Role, Group [impl]). */
export function entityAlreadyExists(kind: EntityKind, name: string): IamError {
  return new IamError('EntityAlreadyExists', `${TITLE[kind]} with name ${name} already exists.`);
}

/** [impl] */
export function policyAlreadyExists(name: string): IamError {
  return new IamError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`);
}

/** [uncertain] */
export function providerAlreadyExists(url: string): IamError {
  return new IamError('EntityAlreadyExists', `Provider with url https://${url} already exists.`);
}

/** `Cannot delete entity, must <what> first.` ([AWS] user reports, sts-iam.md §5.1). */
export function deleteConflict(what: string): IamError {
  return new IamError('DeleteConflict', `Cannot delete entity, must ${what} first.`);
}

export function deleteConflictMessage(message: string): IamError {
  return new IamError('DeleteConflict', message);
}

/** [AWS] `Cannot exceed quota for AccessKeysPerUser: 2` and its siblings. */
export function quotaExceeded(quota: string, limit: number): IamError {
  return new IamError('LimitExceeded', `Cannot exceed quota for ${quota}: ${limit}`);
}

export function limitExceeded(message: string): IamError {
  return new IamError('LimitExceeded', message);
}

/** [uncertain] IAM refuses to change AWS managed policies; its exact words are not known. */
export function awsManagedPolicyUnmodifiable(arn: string): IamError {
  return new IamError('UnmodifiableEntity', `Cannot modify AWS managed policy ${arn}.`);
}

export function malformedPolicyDocument(message: string): IamError {
  return new IamError('MalformedPolicyDocument', message);
}

export function invalidInput(message: string): IamError {
  return new IamError('InvalidInput', message);
}
