/**
 * Reading and validating the parameters STS actions share, in the model's member order so that
 * several violations are listed as AWS lists them. Each reader returns the values it read and
 * appends its violations; the action throws one ValidationError with all of them
 * (sts-iam.md §1.2) before any authorization or existence check.
 */
import type { QueryParameters } from '../../query-api/query-request.ts';
import { integerViolations, listLengthViolations, stringViolations } from './member-constraint.ts';
import { parseIntegerParameter } from './parse-integer-parameter.ts';
import {
  ARN_PATTERN,
  EXTERNAL_ID_PATTERN,
  ROLE_SESSION_NAME_PATTERN,
  SERIAL_NUMBER_PATTERN,
  SESSION_POLICY_PATTERN,
  SOURCE_IDENTITY_PATTERN,
  TAG_KEY_PATTERN,
  TAG_VALUE_PATTERN,
  TOKEN_CODE_PATTERN,
} from './sts-patterns.ts';

export type Violations = string[];

export function readRoleArn(params: QueryParameters, v: Violations): string {
  const value = params.get('RoleArn');
  v.push(...stringViolations(value, { member: 'roleArn', required: true, minLength: 20, maxLength: 2048, pattern: ARN_PATTERN }));
  return value ?? '';
}

export function readRoleSessionName(params: QueryParameters, v: Violations): string {
  const value = params.get('RoleSessionName');
  v.push(...stringViolations(value, { member: 'roleSessionName', required: true, minLength: 2, maxLength: 64, pattern: ROLE_SESSION_NAME_PATTERN }));
  return value ?? '';
}

export function readPolicyArns(params: QueryParameters, v: Violations): string[] {
  const items = params.structList('PolicyArns', ['arn']);
  const arns: string[] = [];
  items.forEach((item, i) => {
    v.push(...stringViolations(item.arn, { member: `policyArns.${i + 1}.member.arn`, minLength: 20, maxLength: 2048, pattern: ARN_PATTERN }));
    if (item.arn !== undefined) arns.push(item.arn);
  });
  v.push(...listLengthViolations(arns, 'policyArns', 10));
  return arns;
}

export function readPolicy(params: QueryParameters, v: Violations): string | undefined {
  const value = params.get('Policy');
  v.push(...stringViolations(value, { member: 'policy', minLength: 1, maxLength: 2048, pattern: SESSION_POLICY_PATTERN }));
  return value;
}

/** `DurationSeconds` already parsed (MalformedInput comes first), checked against the model's bounds. */
export function checkDurationSeconds(value: number | undefined, bounds: { min: number; max: number }, v: Violations): number | undefined {
  v.push(...integerViolations(value, { member: 'durationSeconds', min: bounds.min, max: bounds.max }));
  return value;
}

export function readDurationSeconds(params: QueryParameters): number | undefined {
  return parseIntegerParameter(params.get('DurationSeconds'));
}

export interface SessionTag {
  key: string;
  value: string;
}

export function readTags(params: QueryParameters, v: Violations): SessionTag[] {
  const tags: SessionTag[] = [];
  params.structList('Tags', ['Key', 'Value']).forEach((tag, i) => {
    const at = `tags.${i + 1}.member`;
    v.push(...stringViolations(tag.Key, { member: `${at}.key`, required: true, minLength: 1, maxLength: 128, pattern: TAG_KEY_PATTERN }));
    v.push(...stringViolations(tag.Value, { member: `${at}.value`, required: true, maxLength: 256, pattern: TAG_VALUE_PATTERN }));
    tags.push({ key: tag.Key ?? '', value: tag.Value ?? '' });
  });
  v.push(...listLengthViolations(tags.map((t) => t.key), 'tags', 50));
  return tags;
}

export function readTransitiveTagKeys(params: QueryParameters, v: Violations): string[] {
  const keys = params.list('TransitiveTagKeys');
  keys.forEach((key, i) => {
    v.push(...stringViolations(key, { member: `transitiveTagKeys.${i + 1}.member`, minLength: 1, maxLength: 128, pattern: TAG_KEY_PATTERN }));
  });
  v.push(...listLengthViolations(keys, 'transitiveTagKeys', 50));
  return keys;
}

export function readExternalId(params: QueryParameters, v: Violations): string | undefined {
  const value = params.get('ExternalId');
  v.push(...stringViolations(value, { member: 'externalId', minLength: 2, maxLength: 1224, pattern: EXTERNAL_ID_PATTERN }));
  return value;
}

export function readSerialNumber(params: QueryParameters, v: Violations): string | undefined {
  const value = params.get('SerialNumber');
  v.push(...stringViolations(value, { member: 'serialNumber', minLength: 9, maxLength: 256, pattern: SERIAL_NUMBER_PATTERN }));
  return value;
}

export function readTokenCode(params: QueryParameters, v: Violations): string | undefined {
  const value = params.get('TokenCode');
  v.push(...stringViolations(value, { member: 'tokenCode', minLength: 6, maxLength: 6, pattern: TOKEN_CODE_PATTERN }));
  return value;
}

export function readSourceIdentity(params: QueryParameters, v: Violations): string | undefined {
  const value = params.get('SourceIdentity');
  v.push(...stringViolations(value, { member: 'sourceIdentity', minLength: 2, maxLength: 64, pattern: SOURCE_IDENTITY_PATTERN }));
  return value;
}

export function readWebIdentityToken(params: QueryParameters, v: Violations): string {
  const value = params.get('WebIdentityToken');
  v.push(...stringViolations(value, { member: 'webIdentityToken', required: true, minLength: 4, maxLength: 20000 }));
  return value ?? '';
}

export function readProviderId(params: QueryParameters, v: Violations): string | undefined {
  const value = params.get('ProviderId');
  v.push(...stringViolations(value, { member: 'providerId', minLength: 4, maxLength: 2048 }));
  return value;
}
