#!/usr/bin/env node
// `npm run build` (and `npm start`, which builds first): bundles the server into one ES module,
// dist/coffer.mjs, with esbuild — about 0.1 s. Running that instead of the sources through tsx
// halves the idle memory (no TypeScript loader thread) and saves the per-call `__name` helpers
// tsx adds to keep function names (bench/profile.ts showed them on the hot path).
// npm packages stay external: they resolve from node_modules, so the output must live inside
// the project (node looks for node_modules from the file's own directory upward).
//   node scripts/build.mjs [--outfile dist/coffer.mjs] [--entry bench/some-bench.ts]
// (--entry bundles another program the same way, so a micro-benchmark measures the code as
// `npm start` runs it.)
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const at = process.argv.indexOf('--outfile');
const outfile = resolve(root, at >= 0 ? process.argv[at + 1] : 'dist/coffer.mjs');
const entryAt = process.argv.indexOf('--entry');

await build({
  ...(entryAt >= 0
    ? { entryPoints: [resolve(root, process.argv[entryAt + 1])] }
    : {
        stdin: {
          contents: "import { main } from './src/cli/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
          resolveDir: root,
          sourcefile: 'coffer-entry.ts',
          loader: 'ts',
        },
      }),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
