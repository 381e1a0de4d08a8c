/**
 * The parameters SimulatePrincipalPolicy and SimulateCustomPolicy share (botocore iam
 * service-2.json, SimulatePrincipalPolicyRequest / SimulateCustomPolicyRequest), read and
 * checked against the model's shapes with the §1.2 grammar, before any authorization:
 * ActionNameType 3–128, ResourceNameType 1–2048, policyDocumentType, ContextKeyNameType 5–256,
 * ContextKeyTypeEnum, ResourceHandlingOptionType 1–64, MaxItems 1–1000, Marker.
 *
 * `ContextEntries.member.N.{ContextKeyName, ContextKeyValues.member.M, ContextKeyType}` is a
 * list of structures holding a list, which IamInput has no reader for: its violations are
 * collected here and thrown together with IamInput's (after them).
 */
import { QueryApiError, validationError } from '../../../query-api/query-error.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';
import type { IamInput } from '../validation/iam-input.ts';
import { constraint, nullViolation, stringViolations } from '../validation/string-constraint.ts';

export const CONTEXT_KEY_TYPES = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'boolean',
  'booleanList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
  'date',
  'dateList',
] as const;
export type ContextKeyType = (typeof CONTEXT_KEY_TYPES)[number];

export interface ContextEntryParam {
  name: string | undefined;
  values: string[];
  type: ContextKeyType | undefined;
}

export interface SimulationParams {
  policyInputList: string[];
  permissionsBoundaryPolicyInputList: string[];
  actionNames: string[];
  /** Undefined when not given: the simulation is about `*`. */
  resourceArns: string[] | undefined;
  resourcePolicy: string | undefined;
  resourceOwner: string | undefined;
  callerArn: string | undefined;
  contextEntries: ContextEntryParam[];
  /** Accepted and checked, not used: its scenarios are EC2's. */
  resourceHandlingOption: string | undefined;
  marker: string | undefined;
  maxItems: number | undefined;
}

const ACTION_NAME = constraint({ min: 3, max: 128 });
const RESOURCE_NAME = constraint({ min: 1, max: 2048 });
const CONTEXT_KEY_NAME = constraint({ min: 5, max: 256 });
const RESOURCE_HANDLING_OPTION = constraint({ min: 1, max: 64 });
const ANY = constraint({});

/** Reads the shared members in the model's order; `PolicyInputList` is required by SimulateCustomPolicy only. */
export function parseSimulationParams(input: IamInput, options: { policyInputRequired: boolean }): SimulationParams {
  const extra: string[] = [];
  const policyInputList = input.list('PolicyInputList', IAM.policyDocument);
  if (options.policyInputRequired) requireList(input, 'PolicyInputList', policyInputList, extra);
  const permissionsBoundaryPolicyInputList = input.list('PermissionsBoundaryPolicyInputList', IAM.policyDocument);
  const actionNames = input.list('ActionNames', ACTION_NAME);
  requireList(input, 'ActionNames', actionNames, extra);
  const resourceArns = input.list('ResourceArns', RESOURCE_NAME);
  const params: SimulationParams = {
    policyInputList,
    permissionsBoundaryPolicyInputList,
    actionNames,
    resourceArns: resourceArns.length === 0 ? undefined : resourceArns,
    resourcePolicy: input.optional('ResourcePolicy', IAM.policyDocument),
    resourceOwner: input.optional('ResourceOwner', RESOURCE_NAME),
    callerArn: input.optional('CallerArn', RESOURCE_NAME),
    contextEntries: readContextEntries(input, extra),
    resourceHandlingOption: input.optional('ResourceHandlingOption', RESOURCE_HANDLING_OPTION),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
    marker: input.optional('Marker', IAM.marker),
  };
  throwTogether(input, extra);
  return params;
}

/** A required list with no member: `Value null at 'actionNames'` (recorded in order through IamInput). */
function requireList(input: IamInput, name: string, values: readonly string[], extra: string[]): void {
  if (values.length > 0) return;
  // The bare name is not a list member: when absent, IamInput records the null violation in
  // its place; `ActionNames=` (an empty list as the Query protocol writes it) is null too.
  if (input.optional(name, ANY) === undefined) input.required(name, ANY);
  else extra.push(nullViolation(name.charAt(0).toLowerCase() + name.slice(1)));
}

function readContextEntries(input: IamInput, extra: string[]): ContextEntryParam[] {
  const entries: ContextEntryParam[] = [];
  for (let n = 1; ; n++) {
    const at = `ContextEntries.member.${n}`;
    const name = input.optional(`${at}.ContextKeyName`, ANY);
    const rawType = input.optional(`${at}.ContextKeyType`, ANY);
    const values = input.list(`${at}.ContextKeyValues`, ANY);
    if (name === undefined && rawType === undefined && values.length === 0) return entries;
    const member = `contextEntries.${n}.member`;
    if (name !== undefined) extra.push(...stringViolations(`${member}.contextKeyName`, name, CONTEXT_KEY_NAME));
    let type: ContextKeyType | undefined;
    if (rawType !== undefined) {
      if ((CONTEXT_KEY_TYPES as readonly string[]).includes(rawType)) type = rawType as ContextKeyType;
      else {
        extra.push(
          `Value '${rawType}' at '${member}.contextKeyType' failed to satisfy constraint: Member must satisfy enum value set: [${CONTEXT_KEY_TYPES.join(', ')}]`,
        );
      }
    }
    entries.push({ name, values, type });
  }
}

/** IamInput's violations, then ours, as one ValidationError (sts-iam.md §1.2). */
function throwTogether(input: IamInput, extra: readonly string[]): void {
  if (extra.length === 0) return;
  try {
    input.done();
  } catch (e) {
    const m = e instanceof QueryApiError && e.code === 'ValidationError' ? /^(\d+) validation errors? detected: ([\s\S]*)$/.exec(e.message) : null;
    if (m === null) throw e;
    const count = Number(m[1]) + extra.length;
    throw new QueryApiError(400, 'ValidationError', `${count} validation errors detected: ${m[2]}; ${extra.join('; ')}`);
  }
  throw validationError(extra);
}
