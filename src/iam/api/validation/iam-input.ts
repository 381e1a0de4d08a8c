/**
 * Reads an IAM call's parameters and checks them against the model, collecting every
 * violation as AWS does (`2 validation errors detected: …`, sts-iam.md §1.2) so `done()` can
 * throw them together — before any existence or authorization check. Numbers and booleans that
 * cannot be read at all fail at once with MalformedInput, as AWS's deserializer does (§1).
 */
import type { Tag } from '../../iam-entities.ts';
import { QueryApiError, validationError } from '../../../query-api/query-error.ts';
import type { QueryParameters } from '../../../query-api/query-request.ts';
import { nullViolation, stringViolations, type CompiledConstraint } from './string-constraint.ts';
import { IAM } from './iam-constraints.ts';

const INTEGER = /^[+-]?\d+$/;

export class IamInput {
  readonly #params: QueryParameters;
  readonly #items: string[] = [];

  constructor(params: QueryParameters) {
    this.#params = params;
  }

  /** A required string; '' when missing (the null violation is recorded). */
  required(name: string, c: CompiledConstraint): string {
    const value = this.#params.get(name);
    if (value === undefined) {
      this.#items.push(nullViolation(member(name)));
      return '';
    }
    this.#items.push(...stringViolations(member(name), value, c));
    return value;
  }

  optional(name: string, c: CompiledConstraint): string | undefined {
    const value = this.#params.get(name);
    if (value !== undefined) this.#items.push(...stringViolations(member(name), value, c));
    return value;
  }

  integer(name: string, range: { min: number; max: number }): number | undefined {
    const raw = this.#params.get(name);
    if (raw === undefined) return undefined;
    // `+900` and `0900` read as 900; '' and non-integers are MalformedInput (sts-iam.md §1).
    if (raw === '') throw new QueryApiError(400, 'MalformedInput', 'missing value for decimal type');
    const n = INTEGER.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n > 2147483647 || n < -2147483648) {
      throw new QueryApiError(400, 'MalformedInput', `Invalid value for integer type: ${raw}`);
    }
    const at = `Value '${n}' at '${member(name)}' failed to satisfy constraint: `;
    if (n < range.min) this.#items.push(`${at}Member must have value greater than or equal to ${range.min}`);
    if (n > range.max) this.#items.push(`${at}Member must have value less than or equal to ${range.max}`);
    return n;
  }

  boolean(name: string): boolean | undefined {
    const raw = this.#params.get(name);
    if (raw === undefined) return undefined;
    const lower = raw.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw new QueryApiError(400, 'MalformedInput', `Invalid value for boolean type: ${raw}`);
  }

  /** An enum member: AWS words its violation `Member must satisfy enum value set: [A, B]`. */
  enumValue<V extends string>(name: string, values: readonly V[], options: { required: boolean }): V | undefined {
    const value = this.#params.get(name);
    if (value === undefined) {
      if (options.required) this.#items.push(nullViolation(member(name)));
      return undefined;
    }
    if (!(values as readonly string[]).includes(value)) {
      this.#items.push(`Value '${value}' at '${member(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`);
      return undefined;
    }
    return value as V;
  }

  /** `Name.member.N` strings; each item checked as `name.N.member`. */
  list(name: string, c: CompiledConstraint, options: { max?: number } = {}): string[] {
    const values = this.#params.list(name);
    values.forEach((v, i) => this.#items.push(...stringViolations(`${member(name)}.${i + 1}.member`, v, c)));
    if (options.max !== undefined && values.length > options.max) {
      this.#items.push(`Value '[${values.join(', ')}]' at '${member(name)}' failed to satisfy constraint: Member must have length less than or equal to ${options.max}`);
    }
    return values;
  }

  /** `Tags.member.N.Key/Value`: up to 50, keys 1–128 and values 0–256 characters. */
  tags(): Tag[] {
    const raw = this.#params.structList('Tags', ['Key', 'Value'] as const);
    const tags: Tag[] = [];
    raw.forEach((t, i) => {
      const at = `tags.${i + 1}.member`;
      if (t.Key === undefined) this.#items.push(nullViolation(`${at}.key`));
      else this.#items.push(...stringViolations(`${at}.key`, t.Key, IAM.tagKey));
      if (t.Value === undefined) this.#items.push(nullViolation(`${at}.value`));
      else this.#items.push(...stringViolations(`${at}.value`, t.Value, IAM.tagValue));
      tags.push({ key: t.Key ?? '', value: t.Value ?? '' });
    });
    if (tags.length > 50) {
      this.#items.push(`Value '[${tags.map((t) => `${t.key}=${t.value}`).join(', ')}]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50`);
    }
    return tags;
  }

  /** Throws the collected violations, if any, as one ValidationError. */
  done(): void {
    if (this.#items.length > 0) throw validationError(this.#items);
  }
}

/** `UserName` → `userName`: the model's member names, as messages spell them. */
function member(parameter: string): string {
  return parameter.charAt(0).toLowerCase() + parameter.slice(1);
}
