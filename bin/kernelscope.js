#!/usr/bin/env node
// Launcher for the `kernelscope` command line: runs src/cli/main.ts as built to plain JavaScript in
// dist-cli/main.js (by `npm ci` / `npm install` through `prepare`, or `npm run build:cli`). Paths are
// resolved from this file, so it works from any directory and via npx's symlink. See docs/cli.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist-cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `kernelscope: the command line is not built (no dist-cli/main.js); run \`npm run build:cli\` in ${root}\n`,
  );
  process.exit(1);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
