#!/usr/bin/env node
/**
 * Finds the Chromium that the browser and end-to-end tests drive, and installs Debian's when there is none.
 *
 * Playwright's own browser download does not work on our machines (DESIGN.md), so the tests use the system
 * browser: CHROME_PATH if set, else the first of the paths below (the same list as tests/support/chromium.ts,
 * repeated here because this file is plain Node without TypeScript). When none is found and we are root on
 * a machine with apt-get, it runs `apt-get update && apt-get install -y chromium`, printing each command;
 * otherwise it says how to get one.
 *
 * The page speaks Korean too (and its English labels quote the Korean terms), so it also makes sure there is
 * a Korean font, else screenshots (docs/screenshot.png) show empty boxes: when fontconfig knows none and we
 * can use apt-get, it installs Debian's fonts-nanum (10 MB). That step never fails the run.
 *
 * Run directly (`node scripts/ensure-chromium.mjs`) it prints the path and exits 0, or exits 1.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

const HOW_TO_GET_ONE =
  "The tests need a Chromium. Install Debian's with `sudo apt-get install chromium` (it lands in /usr/bin/chromium), " +
  'or point CHROME_PATH at a Chromium or Chrome executable.';

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium the tests will use, or null. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p) && isExecutable(p)) ?? null;
}

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  return isRoot && hasApt;
}

/**
 * Returns the path of a usable Chromium, installing Debian's package if needed and possible.
 * Throws an Error whose message says how to get one otherwise.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} is not an executable file. ${HOW_TO_GET_ONE}`);
  }
  if (!canInstallWithApt()) {
    throw new Error(`No Chromium found at ${CHROMIUM_CANDIDATES.join(', ')}. ${HOW_TO_GET_ONE}`);
  }
  console.log("No Chromium found: installing Debian's chromium package with apt-get.");
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  const installed = findChromium();
  if (!installed)
    throw new Error(
      `apt-get installed chromium but it is not at ${CHROMIUM_CANDIDATES[0]}. ${HOW_TO_GET_ONE}`,
    );
  return installed;
}

function hasKoreanFont() {
  const result = spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  // Without fontconfig's tool we cannot tell; say yes rather than install blindly.
  if (result.error || result.status !== 0) return true;
  return result.stdout.trim() !== '';
}

/** Installs a Korean font when there is none and apt-get can; reports and carries on when it cannot. */
export function ensureKoreanFont() {
  if (hasKoreanFont()) return;
  if (!canInstallWithApt()) {
    console.log(
      'No Korean font found: Korean text in screenshots will show as boxes (apt-get install fonts-nanum).',
    );
    return;
  }
  console.log("No Korean font found: installing Debian's fonts-nanum with apt-get.");
  try {
    run('apt-get', ['install', '-y', 'fonts-nanum']);
  } catch {
    try {
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', 'fonts-nanum']);
    } catch (error) {
      console.log(
        `Could not install fonts-nanum (${error instanceof Error ? error.message : error}); carrying on.`,
      );
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
    ensureKoreanFont();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
