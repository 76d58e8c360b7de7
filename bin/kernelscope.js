#!/usr/bin/env node
// Launcher for the `kernelscope` command line: registers tsx so that Node runs src/cli/main.ts as it is,
// with no build step. Paths are resolved from this file, so it works from any directory (and via npx,
// which runs it through a symlink that Node resolves to this file). See docs/cli.md.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Our tsconfig, not whatever tsconfig.json happens to be in the current directory.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
