/**
 * A string member's constraints as AWS's IAM model states them (botocore iam service-2.json):
 * a Java regular expression that must match the whole value, and a length in code points.
 * Checked in AWS's order — pattern before length (sts-iam.md §1.2) — into the grammar's items.
 */

export interface StringConstraint {
  /** The pattern as the model writes it; it is also what the error message prints. */
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
}

export interface CompiledConstraint extends StringConstraint {
  readonly regex: RegExp | undefined;
}

/** Compiles the model's pattern once (whole-value match; `u` for `\p{L}`). */
export function constraint(c: StringConstraint): CompiledConstraint {
  return { ...c, regex: c.pattern === undefined ? undefined : new RegExp(`^(?:${c.pattern})$`, 'u') };
}

/** The §1.2 items for `value` at `member`, pattern first; [] when it satisfies every constraint. */
export function stringViolations(member: string, value: string, c: CompiledConstraint): string[] {
  const items: string[] = [];
  const at = `Value '${value}' at '${member}' failed to satisfy constraint: `;
  if (c.regex !== undefined && !c.regex.test(value)) items.push(`${at}Member must satisfy regular expression pattern: ${c.pattern}`);
  const length = codePoints(value);
  if (c.min !== undefined && length < c.min) items.push(`${at}Member must have length greater than or equal to ${c.min}`);
  if (c.max !== undefined && length > c.max) items.push(`${at}Member must have length less than or equal to ${c.max}`);
  return items;
}

/** Lengths are counted in Unicode code points (sts-iam.md §1.2). */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) n++;
    else {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

export function nullViolation(member: string): string {
  return `Value null at '${member}' failed to satisfy constraint: Member must not be null`;
}
