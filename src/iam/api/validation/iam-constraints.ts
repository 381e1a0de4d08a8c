/**
 * The IAM model's parameter shapes (botocore iam/2010-05-08 service-2.json), each compiled once.
 * Names: alphanumerics and `+=,.@_-` (sts-iam.md §4); user and role names up to 64, group and
 * policy names up to 128; paths `/…/` up to 512; documents limited to the characters IAM stores.
 */
import { constraint } from './string-constraint.ts';

const NAME = '[\\w+=,.@-]+';

export const IAM = {
  userName: constraint({ pattern: NAME, min: 1, max: 64 }),
  /** Names of existing users (GetUser, DeleteUser…): the model allows up to 128. */
  existingUserName: constraint({ pattern: NAME, min: 1, max: 128 }),
  groupName: constraint({ pattern: NAME, min: 1, max: 128 }),
  roleName: constraint({ pattern: NAME, min: 1, max: 64 }),
  policyName: constraint({ pattern: NAME, min: 1, max: 128 }),
  path: constraint({ pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)', min: 1, max: 512 }),
  policyPath: constraint({ pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/', min: 1, max: 512 }),
  pathPrefix: constraint({ pattern: '\\u002F[\\u0021-\\u007F]*', min: 1, max: 512 }),
  policyPathPrefix: constraint({ pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/', min: 1, max: 512 }),
  policyDocument: constraint({ pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', min: 1, max: 131072 }),
  arn: constraint({ min: 20, max: 2048 }),
  accessKeyId: constraint({ pattern: '[\\w]+', min: 16, max: 128 }),
  marker: constraint({ pattern: '[\\u0020-\\u00FF]+', min: 1, max: 320 }),
  roleDescription: constraint({ pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*', max: 1000 }),
  policyDescription: constraint({ max: 1000 }),
  policyVersionId: constraint({ pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' }),
  oidcUrl: constraint({ min: 1, max: 255 }),
  clientId: constraint({ min: 1, max: 255 }),
  thumbprint: constraint({ min: 40, max: 40 }),
  tagKey: constraint({ pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', min: 1, max: 128 }),
  tagValue: constraint({ pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', min: 0, max: 256 }),
  /** Coffer's extension parameters (api/oidc/jwks-parameters.ts). */
  cofferJwks: constraint({ min: 1, max: 131072 }),
  cofferJwksUri: constraint({ min: 1, max: 2048 }),
} as const;

export const MAX_ITEMS = { min: 1, max: 1000 } as const;
export const MAX_SESSION_DURATION = { min: 3600, max: 43200 } as const;
