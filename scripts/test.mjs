#!/usr/bin/env node
// `npm test`: type-check, check the import rules, then run every *.test.ts with node's own
// test runner (through tsx). Arguments narrow the run to files whose path contains them:
//   npm test -- sigv4 e2e/list
// Exits non-zero on any failure, so CI fails loudly.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const skipChecks = process.argv.includes('--no-checks') || filters.length > 0;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!skipChecks) {
  console.log('# type-check (tsc --noEmit)');
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
  console.log('# import rules');
  run(process.execPath, ['--import', 'tsx', join(root, 'scripts/check-imports.ts')]);
}

const files = [...walk(join(root, 'src')), ...walk(join(root, 'test'))]
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched', filters);
  process.exit(1);
}
run(process.execPath, [
  '--import', 'tsx',
  '--test',
  '--test-concurrency=4',
  '--test-timeout=120000',
  '--test-reporter=spec',
  ...files,
]);
