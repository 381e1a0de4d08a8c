/**
 * The import rules of ARCHITECTURE.md, checked on every `npm test`: imports point one way
 * (lib ← storage ← s3 operations ← pipeline ← http ← main/cli), and auth, authz, iam and sts
 * never reach into operations, the pipeline or the HTTP layer. Prints each violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** [importer prefix, forbidden target prefixes] — paths relative to src/. */
const RULES: Array<[string, string[]]> = [
  ['lib/', ['auth/', 'authz/', 'iam/', 'sts/', 'storage/', 's3/', 'http/', 'cli/', 'config/', 'diagnostics/', 'main.ts']],
  ['storage/', ['auth/', 'authz/', 'iam/', 'sts/', 's3/', 'http/', 'cli/', 'diagnostics/', 'main.ts']],
  ['auth/', ['s3/operations/', 's3/pipeline.ts', 'http/', 'cli/', 'main.ts']],
  ['authz/', ['s3/operations/', 's3/pipeline.ts', 'http/', 'cli/', 'main.ts']],
  ['iam/', ['s3/operations/', 's3/pipeline.ts', 'http/', 'cli/', 'main.ts']],
  ['sts/', ['s3/operations/', 's3/pipeline.ts', 'http/', 'cli/', 'main.ts']],
  ['s3/', ['http/', 'cli/', 'main.ts']],
  ['http/', ['cli/', 'main.ts']],
  ['diagnostics/', ['http/', 'cli/', 'main.ts', 's3/operations/']],
];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const violations: string[] = [];
for (const file of walk(src)) {
  const from = relative(src, file);
  const rules = RULES.filter(([prefix]) => from.startsWith(prefix)).flatMap(([, forbidden]) => forbidden);
  if (rules.length === 0) continue;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
    const target = relative(src, resolve(dirname(file), m[1]!));
    const bad = rules.find((f) => target === f || target.startsWith(f));
    if (bad) violations.push(`${from} imports ${target} (${from.split('/')[0]}/ must not depend on ${bad})`);
  }
}

if (violations.length > 0) {
  console.error(violations.join('\n'));
  process.exit(1);
}
console.log('import rules: ok');
