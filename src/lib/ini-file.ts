/**
 * The INI dialect of ~/.aws/credentials and ~/.aws/config: `[section]` headers, `key = value`
 * lines, `#` and `;` comment lines (whole lines only: like botocore's RawConfigParser, a `#` after
 * a value is part of it). Keys are lower-cased (botocore does too); later duplicates win. Nested blocks (an indented line under `s3 =`) are kept as raw text under the parent key,
 * which coffer does not need. Section names are trimmed and whitespace inside collapsed, so
 * `[profile   dev]` is `profile dev`.
 */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      const name = line.slice(1, -1).trim().replace(/\s+/g, ' ');
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    // A continuation line of a nested block: not a setting of the section itself.
    if (/^\s/.test(rawLine) || current === undefined) continue;
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

