#!/usr/bin/env node
/**
 * Writes the README's "Course-note examples" block from src/examples/examples.ts (run after changing the
 * examples: `node scripts/examples-readme.mjs`). With --check it only says whether the README is current
 * (exit 1 if not). tests/unit/examples.test.ts runs the same check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const readmeUrl = new URL('../README.md', import.meta.url);
const { withExamplesBlock } = await tsImport('../src/examples/readme.ts', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const next = withExamplesBlock(readme);
if (next === null) {
  console.error('README.md has no course-note examples markers; add the section first.');
  process.exit(2);
}
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md course-note examples are out of date: run node scripts/examples-readme.mjs');
    process.exit(1);
  }
  console.log('README.md course-note examples are up to date.');
} else if (next !== readme) {
  writeFileSync(readmeUrl, next);
  console.log('README.md course-note examples updated.');
} else {
  console.log('README.md course-note examples already up to date.');
}
