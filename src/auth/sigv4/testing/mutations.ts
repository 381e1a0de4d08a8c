/**
 * Test support: every way to change one meaningful character of a raw HTTP request. Whitespace,
 * line structure, the HTTP version, the leading `/` of the target and the `:` after each header name are left alone (changing
 * them makes a request no server would parse); everything else — method, path, query, header
 * names and values, body — is replaced by a character that differs even case-insensitively.
 */
export function* mutations(text: string): Generator<{ offset: number; text: string }> {
  const lines = text.split('\n');
  let offset = 0;
  let inBody = false;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const protectedAt = new Set<number>();
    if (li === 0) {
      // The HTTP version, and the `/` that starts every origin-form target.
      for (let k = line.lastIndexOf(' '); k < line.length; k++) protectedAt.add(k);
      protectedAt.add(line.indexOf(' ') + 1);
    } else if (!inBody && line === '') {
      inBody = true;
    } else if (!inBody && !/^[ \t]/.test(line)) {
      protectedAt.add(line.indexOf(':'));
    }
    for (let k = 0; k < line.length; k++) {
      const c = line[k]!;
      if (protectedAt.has(k) || c === ' ' || c === '\t') continue;
      const replacement = c.toLowerCase() === 'z' ? 'Q' : 'Z';
      yield { offset: offset + k, text: text.slice(0, offset + k) + replacement + text.slice(offset + k + c.length) };
    }
    offset += line.length + 1;
  }
}
