/**
 * The plain-words reason of a decision, for logs and `coffer explain`:
 * `denied: statement 'DenyOldLinks' in the bucket policy of 'photos' matched: s3:signatureAge
 * 700000 > 600000`, `allowed: statement 'Read' in identity policy 'AmazonS3ReadOnlyAccess'
 * allows s3:GetObject on arn:aws:s3:::photos/cat.jpg`, `denied: no identity-based policy
 * allows s3:PutObject on arn:aws:s3:::photos/dog.jpg; statement 'Home' … did not apply: …`.
 */
import type { ConditionFailure, PolicyType, StatementRef } from './access-decision.ts';
import type { AccessEvaluation } from './access-evaluation.ts';
import { accountIdOf, type EvaluationPrincipal } from './evaluation-principal.ts';
import { statementLabel } from './statement-ref.ts';
import type { Verdict } from './verdict.ts';

export function decisionReason(v: Verdict, refs: readonly StatementRef[], input: AccessEvaluation, failures: readonly ConditionFailure[]): string {
  const p = input.principal;
  const who = callerWords(p);
  const what = `${input.action}${input.resource === '*' ? '' : ` on ${input.resource}`}`;
  const [first, ...rest] = refs;
  const also = rest
    .filter((r) => r.policyKind !== 'bucket' && r.policyKind !== 'trust')
    .map((r) => ` and ${statementLabel(r)} permits it`)
    .join('');
  switch (v.basis) {
    case 'explicit-deny': {
      const held = first!.conditions.filter((c) => c.held).map((c) => c.text);
      const how = held.length > 0 ? `: ${held.join(' and ')}` : ` (${what}, no conditions)`;
      return `denied: ${statementLabel(first!)} matched${how}`;
    }
    case 'root':
      return `allowed: ${who} is the root user of its account${input.resourceOwner === undefined ? '' : `, ${input.resourceOwner}, which owns the resource`}`;
    case 'identity':
    case 'resource-policy': {
      if (first === undefined) return `allowed: ${what}`;
      const verb = first.policyKind === 'bucket' || first.policyKind === 'trust' ? `grants ${what} to ${who}` : `allows ${what}`;
      return `allowed: ${statementLabel(first)} ${verb}${also}`;
    }
    case 'acl':
      return `allowed: ${input.acl?.description ?? 'the ACL grants it'}${also}`;
    case 'identity-and-resource':
    case 'identity-and-acl': {
      const resourceSide =
        v.basis === 'identity-and-acl' ? (input.acl?.description ?? 'the ACL grants it') : `${statementLabel(refs[refs.length - 1]!)} grants it to ${who}`;
      const identitySide = p.type === 'Account' ? `${who} is its account's root user` : `${statementLabel(first!)} allows it`;
      if (!crossAccount(input)) {
        // A same-account trust policy naming the account: it delegates to the identity side.
        return `allowed: ${statementLabel(refs[refs.length - 1]!)} names the account of ${who}, which delegates to its identity policies: ${identitySide}`;
      }
      return `allowed: ${what} crosses accounts, so both sides must allow: ${identitySide}, and ${resourceSide}`;
    }
    case 'implicit-deny':
      return `denied: ${implicitReason(v.deniedBy!, input, who, what)}${failures.map((f) => `; ${statementLabel(f.statement)} did not apply: ${f.condition.text}`).join('')}`;
  }
}

function implicitReason(type: PolicyType, input: AccessEvaluation, who: string, what: string): string {
  const p = input.principal;
  switch (type) {
    case 'identity-based':
      if (!crossAccount(input)) return `no identity-based policy allows ${what}`;
      return `no identity-based policy allows ${what} (${who} is in another account than the owner ${input.resourceOwner}: its own account must allow it too)`;
    case 'permissions boundary':
      return `the permissions boundary '${input.permissionsBoundary?.name}' does not allow ${what}`;
    case 'session':
      return `no session policy allows ${what}`;
    case 'resource-based': {
      const rp = input.resourcePolicy;
      if (rp?.kind === 'trust') return `no statement in the trust policy of '${rp.name}' grants ${what} to ${who}`;
      if (p.type === 'WebIdentityUser') return `no resource policy grants ${what} to ${who}`;
      if (p.type === 'Anonymous') {
        return `nothing grants ${what} to anonymous callers (no bucket policy statement for "*", no ACL grant to AllUsers)`;
      }
      const owner = input.objectOwner ?? input.resourceOwner;
      return `${who} is not in the owner's account ${owner}, and no resource policy statement or ACL grant of the owner allows ${what}`;
    }
  }
}

function crossAccount(input: AccessEvaluation): boolean {
  const account = accountIdOf(input.principal);
  return account !== undefined && input.resourceOwner !== undefined && input.resourceOwner !== account;
}

function callerWords(p: EvaluationPrincipal): string {
  if (p.type === 'Anonymous') return 'anonymous callers';
  if (p.type === 'WebIdentityUser') return `the web identity '${p.subject}' of ${p.provider}`;
  return p.arn;
}
