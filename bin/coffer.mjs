#!/usr/bin/env node
// The coffer command. Loads the TypeScript sources through tsx, so there is no build step:
// `npm install` is all a fresh clone needs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
