/** IAM wildcards (policy-evaluation.md §2.2–2.3): `*` any run, including empty; `?` exactly one character. */
export function globMatch(pattern: string, value: string, options: { ignoreCase?: boolean } = {}): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return options.ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'si' : 's').test(value);
}
