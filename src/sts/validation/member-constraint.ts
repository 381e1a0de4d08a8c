/**
 * Model constraints of Query-API parameters and the violations AWS reports for them, in the
 * grammar of sts-iam.md §1.2: `Value 'v' at 'member' failed to satisfy constraint: …`, `null`
 * unquoted for a missing required member, the pattern item before the length items, lengths in
 * Unicode code points.
 */

export interface StringConstraint {
  /** Lower-camel-case member name as AWS prints it: `roleArn`, `policyArns.1.member.arn`. */
  member: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: MemberPattern;
}

export interface IntegerConstraint {
  member: string;
  required?: boolean;
  min?: number;
  max?: number;
}

/** A pattern as AWS prints it (Java regex syntax) and a JavaScript regex with the same meaning. */
export interface MemberPattern {
  printed: string;
  regex: RegExp;
}

export function stringViolations(value: string | undefined, c: StringConstraint): string[] {
  if (value === undefined) return c.required ? [item(null, c.member, 'Member must not be null')] : [];
  const out: string[] = [];
  if (c.pattern !== undefined && !c.pattern.regex.test(value)) {
    out.push(item(value, c.member, `Member must satisfy regular expression pattern: ${c.pattern.printed}`));
  }
  const length = codePoints(value);
  if (c.minLength !== undefined && length < c.minLength) {
    out.push(item(value, c.member, `Member must have length greater than or equal to ${c.minLength}`));
  }
  if (c.maxLength !== undefined && length > c.maxLength) {
    out.push(item(value, c.member, `Member must have length less than or equal to ${c.maxLength}`));
  }
  return out;
}

export function integerViolations(value: number | undefined, c: IntegerConstraint): string[] {
  if (value === undefined) return c.required ? [item(null, c.member, 'Member must not be null')] : [];
  if (c.min !== undefined && value < c.min) return [item(String(value), c.member, `Member must have value greater than or equal to ${c.min}`)];
  if (c.max !== undefined && value > c.max) return [item(String(value), c.member, `Member must have value less than or equal to ${c.max}`)];
  return [];
}

/** A list parameter with too many members (`policyArns`, `tags`). How AWS prints the value is unconfirmed. */
export function listLengthViolations(values: readonly string[], member: string, max: number): string[] {
  if (values.length <= max) return [];
  return [item(`[${values.join(', ')}]`, member, `Member must have length less than or equal to ${max}`)];
}

function item(value: string | null, member: string, constraint: string): string {
  const shown = value === null ? 'null' : `'${value}'`;
  return `Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
