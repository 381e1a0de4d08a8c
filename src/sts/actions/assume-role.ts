/**
 * AssumeRole (sts-iam.md §2.2). In AWS's order: integer parsing (MalformedInput), the model's
 * constraints on every parameter (one ValidationError listing them all), a RoleArn that is no
 * ARN, the session policy's syntax, root callers (`Roles may not be assumed by root accounts.`),
 * MFA, then the role and its trust policy — every failure there is the one AccessDenied
 * `User: <caller> is not authorized to perform: sts:AssumeRole on resource: <role>` — then the
 * duration rules (role maximum, role chaining) and the packed size of the session policies.
 *
 * Response: AssumedRoleUser (AssumedRoleId, Arn), Credentials, then PackedPolicySize when a
 * Policy, PolicyArns or Tags were sent, and SourceIdentity when set.
 */
import type { QueryAction } from '../../query-api/query-service.ts';
import { validationError } from '../../query-api/query-error.ts';
import { checkSessionPolicy } from '../check-session-policy.ts';
import { findRole } from '../find-role.ts';
import { credentialsElement, issueSession } from '../issue-session.ts';
import { checkPackedPolicySize } from '../packed-policy-size.ts';
import { addCallerContext, callerOf, requestContext } from '../request-facts.ts';
import { ROLE_SESSION, roleSessionDuration } from '../role-session-duration.ts';
import { assumedRoleArn, parseArn } from '../sts-arns.ts';
import type { StsDeps } from '../sts-deps.ts';
import { invalidArn, notAuthorizedToAssume, rootMayNotAssume } from '../sts-errors.ts';
import { authorizeRoleAssumption } from '../trust-policy/authorize-role-assumption.ts';
import * as read from '../validation/read-sts-parameters.ts';
import { verifyMfa } from '../verify-mfa.ts';
import { inheritedTags } from './inherited-tags.ts';

export function assumeRole(deps: StsDeps): QueryAction {
  return {
    async handle(ctx) {
      const { params } = ctx;
      const requested = read.readDurationSeconds(params);
      const v: read.Violations = [];
      const roleArn = read.readRoleArn(params, v);
      const sessionName = read.readRoleSessionName(params, v);
      const policyArns = read.readPolicyArns(params, v);
      const policy = read.readPolicy(params, v);
      read.checkDurationSeconds(requested, ROLE_SESSION, v);
      const requestTags = read.readTags(params, v);
      const requestTransitive = read.readTransitiveTagKeys(params, v);
      const externalId = read.readExternalId(params, v);
      const serialNumber = read.readSerialNumber(params, v);
      const tokenCode = read.readTokenCode(params, v);
      const requestSourceIdentity = read.readSourceIdentity(params, v);
      if (v.length > 0) throw validationError(v);
      if (parseArn(roleArn) === undefined) throw invalidArn(roleArn);
      checkSessionPolicy(policy);

      const caller = callerOf(ctx.auth);
      if (caller.principal.type === 'Account') throw rootMayNotAssume();
      const now = ctx.clock.now();
      const mfa = await verifyMfa(deps.directory, { principal: caller.principal, serialNumber, tokenCode, now });

      // Session tags and source identity set by an earlier session carry over (role chaining).
      const { tags, transitiveTagKeys } = inheritedTags(caller.session, requestTags, requestTransitive);
      const sourceIdentity = caller.session?.sourceIdentity ?? requestSourceIdentity;

      const context = requestContext(ctx.req, now);
      addCallerContext(context, caller, now);
      if (mfa !== undefined) {
        context.set('aws:multifactorauthpresent', 'true');
        context.set('aws:multifactorauthage', '0');
      }
      if (externalId !== undefined) context.set('sts:externalid', externalId);
      context.set('sts:rolesessionname', sessionName);
      if (requestSourceIdentity !== undefined) context.set('sts:sourceidentity', requestSourceIdentity);
      for (const t of requestTags) context.set(`aws:requesttag/${t.key.toLowerCase()}`, t.value);
      if (requestTags.length > 0) context.set('aws:tagkeys', requestTags.map((t) => t.key));
      if (requestTransitive.length > 0) context.set('sts:transitivetagkeys', requestTransitive);

      const callerArn = caller.principal.arn;
      const deny = (action: string) => notAuthorizedToAssume(callerArn, action, roleArn);
      const role = await findRole(deps.directory, roleArn);
      if (role === undefined) throw deny('sts:AssumeRole');
      const actions = ['sts:AssumeRole'];
      if (requestTags.length > 0) actions.push('sts:TagSession');
      if (requestSourceIdentity !== undefined) actions.push('sts:SetSourceIdentity');
      await authorizeRoleAssumption(deps, { role, caller, actions, context, deny });

      const roleChained = caller.principal.type === 'AssumedRole';
      const durationSeconds = roleSessionDuration({ requested, maxSessionDuration: role.maxSessionDurationSeconds, roleChained });
      const packed = checkPackedPolicySize({ policy, policyArns, tags: requestTags, transitiveTagKeys: requestTransitive });

      // MFA verified now, or by the session that calls (a GetSessionToken session obtained with MFA).
      const inheritedMfa = caller.session?.mfaAuthenticatedAt;
      const sessionMfa = mfa ?? (inheritedMfa !== undefined ? { authenticatedAt: inheritedMfa } : undefined);
      const issued = issueSession(
        deps.codec,
        {
          accountId: role.accountId,
          origin: 'AssumeRole',
          subject: { type: 'AssumedRole', roleName: role.roleName, roleId: role.roleId, roleArn: role.arn, sessionName },
          roleChained,
          ...(policy !== undefined ? { policy } : {}),
          ...(policyArns.length > 0 ? { policyArns } : {}),
          ...(sessionMfa !== undefined ? { mfa: sessionMfa } : {}),
          ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
          ...(tags.length > 0 ? { tags } : {}),
          ...(transitiveTagKeys.length > 0 ? { transitiveTagKeys } : {}),
        },
        { now, durationSeconds },
      );
      return [
        [
          'AssumedRoleUser',
          [
            ['AssumedRoleId', `${role.roleId}:${sessionName}`],
            ['Arn', assumedRoleArn(role.accountId, role.roleName, sessionName)],
          ],
        ],
        credentialsElement(issued),
        packed === undefined ? undefined : ['PackedPolicySize', packed],
        sourceIdentity === undefined ? undefined : ['SourceIdentity', sourceIdentity],
      ];
    },
  };
}
