/**
 * AssumeRoleWithWebIdentity (sts-iam.md §2.4), called unsigned: the OIDC ID token authenticates.
 * Order: integer parsing, the model's constraints, a RoleArn that is no ARN, the session policy's
 * syntax, then the token (web-identity-verifier.ts: provider, keys, signature, expiry, audience),
 * then the role and its trust policy — `"Principal": {"Federated": "<provider ARN>"}`, action
 * `sts:AssumeRoleWithWebIdentity`, conditions on `<issuer>:aud`, `<issuer>:sub`, `<issuer>:amr`
 * — where any failure is 403 AccessDenied `Not authorized to perform sts:AssumeRoleWithWebIdentity`,
 * then the role's MaxSessionDuration and the packed size.
 *
 * Result elements in the model's order: Credentials, SubjectFromWebIdentityToken, AssumedRoleUser,
 * PackedPolicySize, Provider (the token's `iss`), Audience.
 */
import type { QueryAction } from '../../query-api/query-service.ts';
import { validationError } from '../../query-api/query-error.ts';
import { checkSessionPolicy } from '../check-session-policy.ts';
import { findRole } from '../find-role.ts';
import { credentialsElement, issueSession } from '../issue-session.ts';
import { checkPackedPolicySize } from '../packed-policy-size.ts';
import { requestContext } from '../request-facts.ts';
import { ROLE_SESSION, roleSessionDuration } from '../role-session-duration.ts';
import { assumedRoleArn, parseArn } from '../sts-arns.ts';
import type { StsDeps } from '../sts-deps.ts';
import { invalidArn, notAuthorizedWebIdentity } from '../sts-errors.ts';
import { authorizeRoleAssumption } from '../trust-policy/authorize-role-assumption.ts';
import * as read from '../validation/read-sts-parameters.ts';

export function assumeRoleWithWebIdentity(deps: StsDeps): QueryAction {
  return {
    unsigned: true,
    async handle(ctx) {
      const { params } = ctx;
      const requested = read.readDurationSeconds(params);
      const v: read.Violations = [];
      const roleArn = read.readRoleArn(params, v);
      const sessionName = read.readRoleSessionName(params, v);
      const token = read.readWebIdentityToken(params, v);
      read.readProviderId(params, v);
      const policyArns = read.readPolicyArns(params, v);
      const policy = read.readPolicy(params, v);
      read.checkDurationSeconds(requested, ROLE_SESSION, v);
      if (v.length > 0) throw validationError(v);
      const arn = parseArn(roleArn);
      if (arn === undefined) throw invalidArn(roleArn);
      checkSessionPolicy(policy);

      const now = ctx.clock.now();
      const identity = await deps.webIdentity.verify(token, { accountId: arn.accountId, now });
      const providerKey = identity.provider.url;
      const context = requestContext(ctx.req, now);
      context.set('aws:federatedprovider', identity.provider.arn);
      context.set('sts:rolesessionname', sessionName);
      context.set(`${providerKey}:aud`.toLowerCase(), identity.audience);
      context.set(`${providerKey}:sub`.toLowerCase(), identity.subject);
      const amr = identity.claims.amr;
      if (Array.isArray(amr)) context.set(`${providerKey}:amr`.toLowerCase(), amr.map(String));

      const role = await findRole(deps.directory, roleArn);
      if (role === undefined) throw notAuthorizedWebIdentity();
      await authorizeRoleAssumption(deps, {
        role,
        caller: { principal: { type: 'WebIdentityUser', provider: identity.provider.arn, subject: identity.subject } },
        actions: ['sts:AssumeRoleWithWebIdentity'],
        context,
        deny: () => notAuthorizedWebIdentity(),
      });

      const durationSeconds = roleSessionDuration({ requested, maxSessionDuration: role.maxSessionDurationSeconds, roleChained: false });
      const packed = checkPackedPolicySize({ policy, policyArns, tags: [], transitiveTagKeys: [] });
      const issued = issueSession(
        deps.codec,
        {
          accountId: role.accountId,
          origin: 'AssumeRoleWithWebIdentity',
          subject: { type: 'AssumedRole', roleName: role.roleName, roleId: role.roleId, roleArn: role.arn, sessionName },
          roleChained: false,
          ...(policy !== undefined ? { policy } : {}),
          ...(policyArns.length > 0 ? { policyArns } : {}),
          webIdentity: { provider: identity.issuer, providerArn: identity.provider.arn, subject: identity.subject, audience: identity.audience },
        },
        { now, durationSeconds },
      );
      return [
        credentialsElement(issued),
        ['SubjectFromWebIdentityToken', identity.subject],
        [
          'AssumedRoleUser',
          [
            ['AssumedRoleId', `${role.roleId}:${sessionName}`],
            ['Arn', assumedRoleArn(role.accountId, role.roleName, sessionName)],
          ],
        ],
        packed === undefined ? undefined : ['PackedPolicySize', packed],
        ['Provider', identity.issuer],
        ['Audience', identity.audience],
      ];
    },
  };
}
