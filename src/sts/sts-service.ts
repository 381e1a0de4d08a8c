/**
 * STS as a Query-protocol service (sts-iam.md §1–2): version 2011-06-15, its namespace, and one
 * action per file in actions/. The dispatcher (src/query-api/) authenticates, validates the
 * envelope and writes the XML; each action returns its result's children.
 */
import type { QueryService } from '../query-api/query-service.ts';
import { assumeRole } from './actions/assume-role.ts';
import { assumeRoleWithWebIdentity } from './actions/assume-role-with-web-identity.ts';
import { getCallerIdentity } from './actions/get-caller-identity.ts';
import { getSessionToken } from './actions/get-session-token.ts';
import type { StsDeps } from './sts-deps.ts';

export const STS_VERSION = '2011-06-15';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function stsService(deps: StsDeps): QueryService {
  return {
    name: 'sts',
    version: STS_VERSION,
    namespace: STS_NAMESPACE,
    actions: {
      GetCallerIdentity: getCallerIdentity(),
      GetSessionToken: getSessionToken(deps),
      AssumeRole: assumeRole(deps),
      AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity(deps),
    },
  };
}
