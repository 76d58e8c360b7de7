/**
 * What every end-to-end test needs: Debian's Chromium driven by playwright-core (one for the whole run), a
 * fresh browser context per test file, a log of what went wrong in the page, and helpers that follow the page's conventions
 * (CONTRACT.md section 3, and the ones the page promises to the tests):
 *
 * - `<main data-frames="N">`: N grows after every completed redraw of all canvases;
 * - every canvas is `<canvas role="img" aria-label="Feature map 1">` in a `<figure>` whose `<figcaption>`
 *   shows the tensor shape as `H × W` (and `× C` where C > 1);
 * - the status line is role `status` and names the tfjs backend; errors are role `alert`;
 * - a canvas the engine left undrawn because it was off screen says `data-stale` until drawn in view.
 *
 * Tests find controls only by role and accessible name and act with real input (keyboard, clicks, file
 * chooser, drop and paste events carrying real Files).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { chromiumPath, E2E_CHROMIUM_ARGS } from '../support/chromium.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/**
 * The tfjs backend a test file's pages are forced to (`?backend=…`; on SwiftShader the page would otherwise
 * time all three and pick wasm). Each file names its own in useBrowser(): wasm where what it checks does not
 * depend on the backend (it starts in a fraction of webgl's time, which compiles shaders on the CPU), webgl
 * where it does (drawing, pixels, backend moves); docs/testing.md lists which.
 */
export type TestBackend = 'webgl' | 'wasm';
/** The query that forces `backend`. */
export function backendQuery(backend: TestBackend): string {
  return `?backend=${backend}`;
}
export const VIEWPORT = { width: 1400, height: 900 };
/** SwiftShader compiles shaders on the CPU: the first draw can take many seconds. */
const FIRST_DRAW_TIMEOUT_MS = 90_000;
const REDRAW_TIMEOUT_MS = 30_000;
/** How long the first frame may still take once the page shows an alert. */
const ALERT_GRACE_MS = 15_000;
const SETTLE_MS = 250;

// ---------------------------------------------------------------------------------------------------------
// The built page

/** The served page's base URL; throws with the setup's reason when the page could not be built. */
export function baseUrl(): string {
  const error = inject('e2eSetupError');
  if (error) throw new Error(`The e2e tests cannot run: the page could not be built or served.\n${error}`);
  const url = inject('e2eBaseUrl');
  if (!url)
    throw new Error('The e2e global setup provided no base URL (is tests/e2e/globalSetup.ts configured?)');
  return url;
}

// ---------------------------------------------------------------------------------------------------------
// Browser, context, page and their log

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  /** Same-origin requests that failed or answered 4xx/5xx. */
  failedRequests: string[];
  /** Requests to anything but the page's own origin, data: and blob: (they are aborted, and listed here). */
  foreignRequests: string[];
}

export interface OpenOptions {
  /** Query string; the file's backend (`?backend=webgl` or `?backend=wasm`) unless given. */
  query?: string;
  /** Hash, with its `#`. */
  hash?: string;
  /** Wait for the first completed redraw (`main[data-frames] >= 1`); true unless given. */
  waitForFirstDraw?: boolean;
  /**
   * Console errors this test tolerates (e.g. the page logging a refused file). Page errors, failed
   * requests and foreign requests are never tolerated.
   */
  allowConsoleErrors?: boolean;
  /** A script run in the page before any of its own (`page.addInitScript`), e.g. to instrument an API. */
  initScript?: string | (() => void);
}

export interface Session {
  page: Page;
  log: PageLog;
}

/**
 * The run's one Chromium (started by globalSetup.ts), or a Chromium of its own when there is none. Its
 * `close()` only disconnects from the shared one.
 */
export async function connectBrowser(): Promise<Browser> {
  const endpoint = inject('e2eBrowserEndpoint');
  return endpoint
    ? chromium.connect(endpoint)
    : chromium.launch({ executablePath: chromiumPath(), args: E2E_CHROMIUM_ARGS });
}

/**
 * Registers the hooks of one test file: a fresh context in the run's Chromium before the file, check every
 * page's log after each test, close all after the file (closing a connected browser only disconnects it).
 * Call once at the top of a test file. `backend`: what its pages run on unless a test's query says
 * otherwise. `serviceWorkers: 'allow'` lets the page's service worker run (the offline test); blocked otherwise.
 */
export function useBrowser(setup: { backend: TestBackend; serviceWorkers?: 'allow' | 'block' }): {
  open: (options?: OpenOptions) => Promise<Session>;
} {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let origin = '';
  /** Pages opened by the running test: checked and closed after it. */
  let opened: { session: Session; options: OpenOptions }[] = [];
  /** Pages opened in a beforeAll: checked after every test, closed after the file. */
  const shared: { session: Session; options: OpenOptions }[] = [];
  let inTest = false;

  beforeAll(async () => {
    const url = baseUrl();
    origin = new URL(url).origin;
    browser = await connectBrowser();
    context = await browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      locale: 'en-US',
      // No service worker may answer for the page (unless asked): every request must be seen here.
      serviceWorkers: setup.serviceWorkers ?? 'block',
    });
    context.setDefaultTimeout(REDRAW_TIMEOUT_MS);
    // Nothing may leave the page's origin; abort anything that tries, so a test never waits on the network.
    await context.route(
      (u) => u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:',
      (route) => route.abort('blockedbyclient'),
    );
  });

  beforeEach(() => {
    inTest = true;
  });

  afterEach(async () => {
    inTest = false;
    const own = opened;
    opened = [];
    for (const { session } of own) await session.page.close().catch(() => {});
    // What a shared page logged during this test belongs to this test alone.
    const logs = [...own, ...shared].map(({ session, options }) => ({ log: takeLog(session.log), options }));
    for (const { log, options } of logs) expectCleanLog(log, options);
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
  });

  async function open(options: OpenOptions = {}): Promise<Session> {
    if (!context) throw new Error('useBrowser(): the browser did not start (see the beforeAll error)');
    const page = await context.newPage();
    const log = watch(page, origin);
    const session = { page, log };
    (inTest ? opened : shared).push({ session, options });
    const url = `${baseUrl()}${options.query ?? backendQuery(setup.backend)}${options.hash ?? ''}`;
    if (options.initScript) await page.addInitScript(options.initScript);
    await page.goto(url, { waitUntil: 'load' });
    if (options.waitForFirstDraw ?? true) await waitForFirstDraw(session);
    return session;
  }

  return { open };
}

/**
 * Opens a page with `open` and waits for its first frame and the legends' statistics with long timeouts:
 * on SwiftShader under load, compiling the first frame's and the statistics' shaders can hold the main
 * thread longer than the usual first-draw wait allows.
 */
export async function openWithLegends(
  open: (options?: OpenOptions) => Promise<Session>,
  options: OpenOptions,
): Promise<Page> {
  const { page } = await open({ ...options, waitForFirstDraw: false });
  await page.waitForFunction(
    () => Number(document.querySelector('main')?.getAttribute('data-frames')) >= 1,
    null,
    { timeout: 150_000, polling: 500 },
  );
  await page.locator('.legend-values').first().waitFor({ timeout: 60_000 });
  return page;
}

/** A copy of the log, emptying it. */
function takeLog(log: PageLog): PageLog {
  const copy = {
    consoleErrors: [...log.consoleErrors],
    pageErrors: [...log.pageErrors],
    failedRequests: [...log.failedRequests],
    foreignRequests: [...log.foreignRequests],
  };
  log.consoleErrors.length =
    log.pageErrors.length =
    log.failedRequests.length =
    log.foreignRequests.length =
      0;
  return copy;
}

function watch(page: Page, origin: string): PageLog {
  const log: PageLog = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
  const isForeign = (url: string) => {
    const u = new URL(url);
    return u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin;
  };
  page.on('console', (m) => {
    if (m.type() === 'error') {
      const where = m.location().url ? ` (${m.location().url}:${m.location().lineNumber})` : '';
      log.consoleErrors.push(`${m.text()}${where}`);
    }
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.stack ?? e.message));
  page.on('request', (r) => {
    if (isForeign(r.url())) log.foreignRequests.push(`${r.method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? 'failed';
    // A reload cancels what the old document still had in flight (its favicon, say): that is no fault of
    // the page. A file that is really missing still shows up below as an HTTP error.
    if (why === 'net::ERR_ABORTED') return;
    if (!isForeign(r.url())) log.failedRequests.push(`${r.url()}: ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !isForeign(r.url())) log.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return log;
}

/** Fails the test if the page threw, requested another origin, failed a request or (unless allowed) logged an error. */
export function expectCleanLog(log: PageLog, options: Pick<OpenOptions, 'allowConsoleErrors'> = {}): void {
  expect(log.pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(log.foreignRequests, "requests that left the page's origin").toEqual([]);
  expect(log.failedRequests, 'failed requests').toEqual([]);
  if (!options.allowConsoleErrors) expect(log.consoleErrors, 'console errors').toEqual([]);
}

function describeLog(log: PageLog): string {
  const parts = [
    ['page errors', log.pageErrors],
    ['console errors', log.consoleErrors],
    ['failed requests', log.failedRequests],
    ['foreign requests', log.foreignRequests],
  ] as const;
  return parts
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => `${name}:\n  ${list.join('\n  ')}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Redraws

/** The page's redraw counter `main[data-frames]`, or null when there is no such attribute. */
export async function frames(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const value = document.querySelector('main')?.getAttribute('data-frames');
    return value == null || value === '' ? null : Number(value);
  });
}

async function waitForFirstDraw({ page, log }: Session): Promise<void> {
  const drawn = () => Number(document.querySelector('main')?.getAttribute('data-frames')) >= 1;
  /** 'drawn', the text of an alert shown before the first frame, or false (keep waiting). */
  const drawnOrAlert = () => {
    if (Number(document.querySelector('main')?.getAttribute('data-frames')) >= 1) return 'drawn';
    const alerts = [...document.querySelectorAll('[role="alert"]')].map((el) =>
      (el.textContent ?? '').trim(),
    );
    return alerts.find((text) => text !== '') ?? false;
  };
  let why = `within ${FIRST_DRAW_TIMEOUT_MS / 1000} s`;
  try {
    const seen = await page.waitForFunction(drawnOrAlert, null, { timeout: FIRST_DRAW_TIMEOUT_MS });
    const what = await seen.jsonValue();
    await seen.dispose();
    // An alert before the first frame may be harmless (a bad share link); one that stays with nothing
    // drawn means the page is broken, and waiting the full time on every test would only slow the news.
    if (what !== 'drawn') {
      why = `within ${ALERT_GRACE_MS / 1000} s of the alert "${what}"`;
      await page.waitForFunction(drawn, null, { timeout: ALERT_GRACE_MS });
    }
  } catch {
    const seen = await frames(page).catch(() => null);
    const alert = await alertText(page).catch(() => '');
    const status = await statusText(page).catch(() => '');
    throw new Error(
      `The page never finished its first redraw: expected <main data-frames="N"> with N >= 1 ${why}, ` +
        `saw data-frames=${seen}.\nstatus: ${status || '(none)'}\nalert: ${alert || '(none)'}\n${describeLog(log)}`,
    );
  }
  await settle(page);
}

/**
 * Runs `action` and waits until the page has completed at least one redraw after it (data-frames grew) and
 * then stopped redrawing for a moment, so what the canvases show follows from the action.
 */
export async function redrawAfter(
  page: Page,
  action: () => Promise<unknown>,
  what = 'the action',
): Promise<void> {
  const before = await frames(page);
  if (before === null) throw new Error('The page has no <main data-frames="N">: cannot tell when it redrew.');
  await action();
  try {
    await page.waitForFunction(
      (n) => Number(document.querySelector('main')?.getAttribute('data-frames')) > n,
      before,
      { timeout: REDRAW_TIMEOUT_MS },
    );
  } catch {
    throw new Error(
      `The page did not redraw after ${what}: main[data-frames] stayed ${before} for ${REDRAW_TIMEOUT_MS / 1000} s.`,
    );
  }
  await settle(page);
}

/** Waits until data-frames stops changing for SETTLE_MS (at most a few seconds, for a page that animates). */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + 5_000;
  let last = await frames(page);
  while (Date.now() < deadline) {
    await page.waitForTimeout(SETTLE_MS);
    const now = await frames(page);
    if (now === last) return;
    last = now;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Canvases and their figures

/** A canvas by its accessible name, e.g. "Feature map 1" (exact, so "Feature map 1" is not "Feature map 10"). */
export function canvas(page: Page, name: string): Locator {
  return page.getByRole('img', { name, exact: true });
}

/** The figcaption of the figure that holds the canvas called `name`. */
export function caption(page: Page, name: string): Locator {
  return page
    .getByRole('figure')
    .filter({ has: page.getByRole('img', { name, exact: true }) })
    .locator('figcaption');
}

const SHAPE = /(\d+)\s*×\s*(\d+)(?:\s*×\s*(\d+))?/g;

/** Every `H × W` or `H × W × C` in a text, written canonically (`26 × 26`, `40 × 30 × 3`). */
export function shapesIn(text: string): string[] {
  return [...text.matchAll(SHAPE)].map((m) => (m[3] ? `${m[1]} × ${m[2]} × ${m[3]}` : `${m[1]} × ${m[2]}`));
}

/** The shapes shown in the figcaption of the canvas called `name` (usually exactly one). */
export async function shapesOf(page: Page, name: string): Promise<string[]> {
  const figcaption = caption(page, name);
  const count = await figcaption.count();
  if (count !== 1) {
    throw new Error(`expected one <figure> with img "${name}" and a <figcaption>, found ${count}`);
  }
  return shapesIn(await figcaption.innerText());
}

/** Waits (polling) until the caption of canvas `name` shows the shape `expected`, e.g. '26 × 26'. */
export async function expectShape(page: Page, name: string, expected: string): Promise<void> {
  await expect
    .poll(() => shapesOf(page, name), {
      timeout: REDRAW_TIMEOUT_MS,
      message: `figcaption of "${name}" should show the shape ${expected}`,
    })
    .toContain(expected);
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major. */
  data: Uint8Array;
  /** `canvas`: read with toDataURL; `screenshot`: what the screen shows (a WebGL canvas reads back blank). */
  source: 'canvas' | 'screenshot';
}

function decodePng(png: Buffer): { width: number; height: number; data: Uint8Array } {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: new Uint8Array(image.data) };
}

function isBlank(data: Uint8Array): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return false;
  return true;
}

/**
 * The pixels of the canvas called `name`: its backing store through `toDataURL()`, or, when that reads back
 * fully transparent (a WebGL canvas without preserveDrawingBuffer), a screenshot of the element.
 */
export async function readCanvas(page: Page, name: string): Promise<Pixels> {
  const target = canvas(page, name);
  const count = await target.count();
  if (count !== 1) throw new Error(`expected one img "${name}", found ${count}`);
  // The engine draws only canvases in view: one left stale off screen is drawn once scrolled in.
  if ((await target.getAttribute('data-stale')) !== null) {
    await target.scrollIntoViewIfNeeded();
    await expect
      .poll(() => target.getAttribute('data-stale'), { message: `"${name}" drawn once in view` })
      .toBeNull();
  }
  const read = await target.evaluate((el) => {
    if (!(el instanceof HTMLCanvasElement))
      return { error: `img "${el.getAttribute('aria-label')}" is a <${el.localName}>, not a <canvas>` };
    if (el.width === 0 || el.height === 0) return { error: `canvas is ${el.width} × ${el.height}` };
    return { url: el.toDataURL('image/png') };
  });
  if ('error' in read) throw new Error(`cannot read "${name}": ${read.error}`);
  const fromCanvas = decodePng(Buffer.from(read.url.slice(read.url.indexOf(',') + 1), 'base64'));
  if (!isBlank(fromCanvas.data)) return { ...fromCanvas, source: 'canvas' };
  const shot = await target.screenshot({ animations: 'disabled', scale: 'css' });
  return { ...decodePng(shot), source: 'screenshot' };
}

/** How many pixels differ between two readings (all of them when the sizes differ). */
export function differingPixels(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) return Math.max(a.width * a.height, b.width * b.height);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      a.data[i] !== b.data[i] ||
      a.data[i + 1] !== b.data[i + 1] ||
      a.data[i + 2] !== b.data[i + 2] ||
      a.data[i + 3] !== b.data[i + 3]
    )
      n++;
  }
  return n;
}

/** True when every pixel has the same colour (a map that shows nothing). */
export function isUniform(p: Pixels): boolean {
  for (let i = 4; i < p.data.length; i += 4) {
    for (let c = 0; c < 4; c++) if (p.data[i + c] !== p.data[c]) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Input

/** A file as the page receives it. */
export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The "Choose image" file input. */
export function fileChooser(page: Page): Locator {
  return page.getByLabel('Choose image', { exact: true });
}

/** Chooses a file with the "Choose image" input (as the file dialog would). */
export async function chooseFile(page: Page, file: FileSpec): Promise<void> {
  await fileChooser(page).setInputFiles(file);
}

/** The region "Image drop zone". */
export function dropZone(page: Page): Locator {
  return page.getByRole('region', { name: 'Image drop zone', exact: true });
}

/** Drags a file over the drop zone and drops it: dragenter, dragover and drop carrying a real File. */
export async function dropFile(page: Page, file: FileSpec): Promise<void> {
  const zone = dropZone(page);
  await zone.waitFor();
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { base64: file.buffer.toString('base64'), name: file.name, type: file.mimeType },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await zone.dispatchEvent(type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

/** Pastes a file as a clipboard paste would: a `paste` ClipboardEvent with the File in clipboardData. */
export async function pasteFile(page: Page, file: FileSpec): Promise<void> {
  const zone = dropZone(page);
  await zone.waitFor();
  await zone.focus().catch(() => {});
  await zone.evaluate(
    (el, { base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      const event = new ClipboardEvent('paste', {
        clipboardData: transfer,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      el.dispatchEvent(event);
    },
    { base64: file.buffer.toString('base64'), name: file.name, type: file.mimeType },
  );
}

/** Replaces the text of a field by typing: click, select all, type, then Tab away. */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
  await field.press('Tab');
}

/** A kernel cell, "Filter F row R column C" (spinbutton or textbox). */
export function kernelCell(page: Page, filter: number, row: number, column: number): Locator {
  const name = `Filter ${filter} row ${row} column ${column}`;
  return page
    .getByRole('spinbutton', { name, exact: true })
    .or(page.getByRole('textbox', { name, exact: true }));
}

/** All text of role alert, joined ('' when there is none or they are empty). */
export async function alertText(page: Page): Promise<string> {
  const texts = await page.getByRole('alert').allInnerTexts();
  return texts
    .map((t) => t.trim())
    .filter(Boolean)
    .join(' | ');
}

/** All text of role status, joined. */
export async function statusText(page: Page): Promise<string> {
  const texts = await page.getByRole('status').allInnerTexts();
  return texts
    .map((t) => t.trim())
    .filter(Boolean)
    .join(' | ');
}

/** The bytes of a finished download (read through Playwright: the shared browser keeps no local path). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------------------
// Screenshots

/** A screenshot of the viewport into test-results/e2e/<name>.png (and `alsoTo`, if given). Returns the path. */
export async function screenshot(page: Page, name: string, alsoTo?: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  const png = await page.screenshot({ path: file, animations: 'disabled' });
  if (alsoTo) {
    mkdirSync(path.dirname(alsoTo), { recursive: true });
    writeFileSync(alsoTo, png);
  }
  return file;
}

// ---------------------------------------------------------------------------------------------------------
// Folded sections (native <details>; Playwright gives a <summary> no role, so it is found by its text)

/** The `<summary>` of a folded section, by the start of its visible text (e.g. "The numbers"). */
export function sectionSummary(page: Page, title: string): Locator {
  return page.locator('details > summary').filter({ hasText: new RegExp(`^${escapeRegExp(title)}`) });
}

/** Whether the folded section whose summary starts with `title` is open. */
export async function isSectionOpen(page: Page, title: string): Promise<boolean> {
  return sectionSummary(page, title).evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
}

/** Opens a folded section as a person would (a click on its summary), unless it is open already. */
export async function openSection(page: Page, title: string): Promise<void> {
  if (await isSectionOpen(page, title)) return;
  await sectionSummary(page, title).click();
  // A plain wait, not expect.poll: this also runs in beforeAll hooks.
  await sectionSummary(page, title).locator('xpath=..').and(page.locator('details[open]')).waitFor();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
