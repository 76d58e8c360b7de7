#!/usr/bin/env node
/**
 * `npm test`: every kind of test (unit, browser, e2e; see vitest.config.ts) in one `vitest run`.
 *
 * 1. Makes sure there is a Chromium for the browser and e2e projects (scripts/ensure-chromium.mjs: CHROME_PATH,
 *    /usr/bin/chromium, ...; installs Debian's package when root with apt-get; else exits 1 saying how).
 * 2. Runs `vitest run` with any extra arguments passed through (`npm test -- --project e2e`, a file filter, ...)
 *    and exits with its code.
 * 3. Unless the arguments choose their own reporter, also writes test-results/vitest.json and ends with a plain
 *    `Tests: N passed, N failed, N skipped` line, so that a run which ran nothing is plain to see, after the
 *    time each kind of test took and its slowest files (the time budget is in docs/testing.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureKoreanFont } from './ensure-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.log(`Chromium for the browser and e2e tests: ${chromium}`);
ensureKoreanFont();

const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
if (!existsSync(vitestBin)) {
  console.error(`Vitest is not installed (${vitestBin} is missing): run \`npm ci\` first.`);
  process.exit(1);
}

const extraArgs = process.argv.slice(2);
const chooseOwnReporter = extraArgs.some((a) => a.startsWith('--reporter') || a.startsWith('--outputFile'));
const summaryFile = path.join(root, 'test-results', 'vitest.json');
const reporterArgs = chooseOwnReporter
  ? []
  : ['--reporter=default', '--reporter=json', `--outputFile.json=${summaryFile}`];

// A summary left by an earlier run must not stand in for this one.
rmSync(summaryFile, { force: true });

const child = spawn(process.execPath, [vitestBin, 'run', ...reporterArgs, ...extraArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chromium },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('exit', (code, signal) => {
  if (!chooseOwnReporter) printSummary();
  if (signal) {
    console.error(`vitest was stopped by ${signal}`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});

function printSummary() {
  if (!existsSync(summaryFile)) return;
  try {
    const r = JSON.parse(readFileSync(summaryFile, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    printTimes(r.testResults ?? []);
    console.log(
      `Tests: ${r.numPassedTests ?? 0} passed, ${r.numFailedTests ?? 0} failed, ${skipped} skipped`,
    );
  } catch {
    // A run that crashed may leave no readable summary; vitest's own output and exit code still tell.
  }
}

/** Seconds per kind of test (tests/<kind>/), summed over its files, and the slowest files of each. */
function printTimes(files) {
  const byKind = new Map();
  for (const f of files) {
    const rel = path.relative(root, f.name);
    const kind = rel.split(path.sep)[1] ?? '?';
    const seconds = Math.max(0, (f.endTime ?? 0) - (f.startTime ?? 0)) / 1000;
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push({ rel, seconds });
  }
  for (const [kind, list] of byKind) {
    const total = list.reduce((sum, f) => sum + f.seconds, 0);
    const slowest = list
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 5)
      .map((f) => `${path.basename(f.rel)} ${f.seconds.toFixed(0)} s`);
    console.log(
      `Time, ${kind}: ${total.toFixed(0)} s in ${list.length} files; slowest: ${slowest.join(', ')}`,
    );
  }
}
