/**
 * `SimulatePolicyResponse` (SimulatePrincipalPolicyResult / SimulateCustomPolicyResult): the
 * `EvaluationResults` of one page, then `IsTruncated` and `Marker`; members in the model's
 * order. Lists are `<member>`s and `EvalDecisionDetails` a Query-protocol map
 * (`<entry><key>…</key><value>…</value></entry>`). `MatchedStatements` and
 * `MissingContextValues` are written even when empty, as AWS's documented responses show them.
 *
 * `OrganizationsDecisionDetail` says `AllowedByOrganizations` true: Coffer has no
 * Organizations, so no service control policy ever denies. (AWS leaves the element out for
 * an account outside any organization.)
 */
import { members, type XmlElement } from '../../../query-api/query-xml.ts';
import type { IamResult } from '../iam-action.ts';
import { pageXml, paginate } from '../paginate.ts';
import type { ActionResult } from './simulate-actions.ts';
import type { EvalDecision, MatchedStatement, PairResult } from './simulate-pair.ts';

export function simulationResultXml(results: readonly ActionResult[], paging: { marker?: string | undefined; maxItems?: number | undefined }): IamResult {
  const numbered = results.map((result, i) => ({ result, key: `${i}:${result.action}` }));
  const page = paginate(numbered, (n) => n.key, {
    ...(paging.marker !== undefined ? { marker: paging.marker } : {}),
    ...(paging.maxItems !== undefined ? { maxItems: paging.maxItems } : {}),
  });
  return [['EvaluationResults', members(page.items.map((n) => evaluationResultXml(n.result)))], ...pageXml(page)];
}

function evaluationResultXml(r: ActionResult): Array<XmlElement | undefined> {
  return [
    ['EvalActionName', r.action],
    ['EvalResourceName', r.resourceName],
    ['EvalDecision', r.decision],
    ['MatchedStatements', members(r.matched.map(statementXml))],
    ['MissingContextValues', members(r.missing)],
    ['OrganizationsDecisionDetail', [['AllowedByOrganizations', true]]],
    boundaryXml(r.allowedByBoundary),
    r.details === undefined ? undefined : detailsXml(r.details),
    r.resources === undefined ? undefined : ['ResourceSpecificResults', members(r.resources.map(resourceSpecificResultXml))],
  ];
}

function resourceSpecificResultXml(p: PairResult): Array<XmlElement | undefined> {
  return [
    ['EvalResourceName', p.resource],
    ['EvalResourceDecision', p.decision],
    ['MatchedStatements', members(p.matched.map(statementXml))],
    ['MissingContextValues', members(p.missing)],
    p.details === undefined ? undefined : detailsXml(p.details),
    boundaryXml(p.allowedByBoundary),
  ];
}

function statementXml(m: MatchedStatement): Array<XmlElement | undefined> {
  const span = m.source.positions?.[m.index];
  return [
    ['SourcePolicyId', m.source.id],
    ['SourcePolicyType', m.source.type],
    span === undefined ? undefined : ['StartPosition', [['Line', span.start.line], ['Column', span.start.column]]],
    span === undefined ? undefined : ['EndPosition', [['Line', span.end.line], ['Column', span.end.column]]],
  ];
}

function boundaryXml(allowed: boolean | undefined): XmlElement | undefined {
  return allowed === undefined ? undefined : ['PermissionsBoundaryDecisionDetail', [['AllowedByPermissionsBoundary', allowed]]];
}

function detailsXml(details: Record<string, EvalDecision>): XmlElement {
  return ['EvalDecisionDetails', Object.entries(details).map(([key, value]): XmlElement => ['entry', [['key', key], ['value', value]]])];
}
