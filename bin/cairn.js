#!/usr/bin/env node
// The `cairn` command: a tiny launcher that runs the TypeScript CLI through tsx (Node 20 cannot strip types).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
