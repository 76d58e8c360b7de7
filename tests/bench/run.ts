/**
 * `npm run bench`: kernel edit -> every canvas redrawn for Kernelscope as the page runs it, and in the
 * same run the same layer by a plain-JS loop, tfjs cpu / wasm / webgl (src/core alone) and OpenCV.js;
 * readbacks per edit, tensors across the timed edits and across a 1000-edit leak check; then the cold
 * start of the built page and the JS it ships. Prints a table; `--json FILE` also writes everything.
 * Options: cases.ts (`npm run bench -- --help`). Method: docs/benchmarks.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { COLUMNS, parseOptions, USAGE, type Column, type Options } from './cases.ts';
import { coldStart } from './coldStart.ts';
import { startProfile } from './profile.ts';
import { OPENCV_URL } from './opencvBench.ts';
import { legend, summary, type Report } from './table.ts';
import { runTrainBench, TRAIN_USAGE } from './trainBench.ts';
import {
  caseName,
  summarize,
  type BenchCase,
  type CellResult,
  type LeakResult,
  type MeasureOptions,
  type PageInfo,
} from './types.ts';

interface BenchWindow {
  __benchReady?: string;
  __bench: {
    run(c: BenchCase, o: MeasureOptions): Promise<CellResult>;
    leak?(c: BenchCase, edits: number): Promise<LeakResult>;
    info(): PageInfo;
  };
}

const repo = path.resolve(import.meta.dirname, '../..');
const opencvFile = createRequire(import.meta.url).resolve('@techstark/opencv-js');

/**
 * Vite's dev server, serving the bench pages with React's production build (as the built page ships it:
 * the development build's checks cost several ms per edit). Vite reads NODE_ENV for `isProduction`, which
 * decides the JSX transform and how dependencies are bundled; those go to a cache of their own.
 */
async function startServer(): Promise<{ server: ViteDevServer; origin: string }> {
  process.env.NODE_ENV = 'production';
  const server = await createServer({
    cacheDir: path.join(repo, 'node_modules/.vite-bench'),
    configFile: path.join(repo, 'vite.config.ts'),
    root: repo,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
    optimizeDeps: { entries: ['tests/bench/bench.html'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('the dev server has no address');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

async function openColumn(browser: Browser, origin: string, column: Column): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[${column.id}] page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`[${column.id}] console: ${msg.text()}`);
  });
  // OpenCV.js from node_modules, as a plain file: nothing leaves the machine.
  await page.route(`**${OPENCV_URL}`, (route) =>
    route.fulfill({ path: opencvFile, contentType: 'text/javascript' }),
  );
  await page.goto(`${origin}/tests/bench/bench.html?${column.query}`);
  await page.waitForFunction(() => (window as unknown as BenchWindow).__benchReady, undefined, {
    timeout: 300_000,
  });
  const ready = await page.evaluate(() => (window as unknown as BenchWindow).__benchReady);
  if (ready !== 'ok') throw new Error(`the bench page failed: ${ready}`);
  return page;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** The leak check (`options.leakCase`, `leakEdits` steps) on a Kernelscope page column; others have none. */
async function runLeak(page: Page, column: Column, backend: string, options: Options, report: Report) {
  if ((column.id !== 'ks' && column.id !== 'ks-webgl') || options.leakEdits <= 0) return;
  const c = options.leakCase;
  const t = Date.now();
  const leak = await page.evaluate(([c, n]) => (window as unknown as BenchWindow).__bench.leak?.(c, n), [
    c,
    options.leakEdits,
  ] as const);
  if (!leak) return;
  report.leaks.push({ ...leak, backend, case: caseName(c) });
  console.error(
    `leak     ${caseName(c)} on ${backend}: ${leak.before} -> ${leak.after} tensors, texture bytes ` +
      `${leak.gpuBytes[0]} -> ${leak.gpuBytes[1]} over ${leak.edits} edits (${((Date.now() - t) / 1000).toFixed(0)} s)`,
  );
}

/** One column: one page load, every case in turn; the leak check on Kernelscope's page columns. */
async function runColumn(browser: Browser, origin: string, column: Column, options: Options, report: Report) {
  const entry = report.columns.find((c) => c.id === column.id) ?? { ...column };
  if (!report.columns.includes(entry)) report.columns.push(entry);
  const byCase: Report['results'][string] = (report.results[column.id] = {});
  let page: Page | undefined;
  try {
    const t = Date.now();
    page = await openColumn(browser, origin, column);
    entry.info = await page.evaluate(() => (window as unknown as BenchWindow).__bench.info());
    console.error(
      `${column.id.padEnd(8)} loaded in ${((Date.now() - t) / 1000).toFixed(0)} s: ${entry.info.backend}`,
    );
    const profiled = options.profileFile && column.id === 'ks' ? options.profileFile : null;
    const stopProfile = profiled ? await startProfile(page, profiled) : null;
    for (const c of options.cases) {
      const t = Date.now();
      try {
        const r = await page.evaluate(([c, o]) => (window as unknown as BenchWindow).__bench.run(c, o), [
          c,
          options.measure,
        ] as const);
        byCase[caseName(c)] = r;
        console.error(
          `${column.id.padEnd(8)} ${caseName(c).padEnd(20)} median ${fmt(r.timing.median)} ms, p95 ` +
            `${fmt(r.timing.p95)} ms, ${r.skipped ? 'first edit only' : `${r.timing.samples.length} edits`}` +
            ` (${((Date.now() - t) / 1000).toFixed(0)} s)`,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        byCase[caseName(c)] = { error: message };
        console.error(`${column.id.padEnd(8)} ${caseName(c).padEnd(20)} FAILED: ${message.split('\n')[0]}`);
        // A crashed page (out of memory at 4096²…) cannot run the next case: reload it.
        if (page.isClosed() || message.includes('crash')) {
          await page.close().catch(() => {});
          page = await openColumn(browser, origin, column);
        }
      }
    }
    await stopProfile?.();
    await runLeak(page, column, entry.info.backend, options, report);
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error);
    console.error(`${column.id.padEnd(8)} FAILED: ${entry.error}`);
  } finally {
    await page?.close().catch(() => {});
  }
}

/** Edits per column per turn in `--interleave`. */
const BATCH = 3;

/**
 * `--interleave`: every column's page is opened first; then, case by case, the columns take turns of
 * BATCH timed edits (each turn sets the case up again and warms up as a cell does) until each has
 * `edits` samples, or the case's budget (the per-cell budget × the columns) has passed with `minEdits`
 * each. A load that comes and goes on a shared machine then falls on every column alike, which sequential
 * columns (minutes apart) cannot promise. Then the leak check on each page column, one after the other.
 */
async function runInterleaved(
  browser: Browser,
  origin: string,
  columns: Column[],
  options: Options,
  report: Report,
) {
  const open: { column: Column; page: Page; byCase: Report['results'][string] }[] = [];
  for (const column of columns) {
    const entry: Report['columns'][number] = { ...column };
    report.columns.push(entry);
    const byCase: Report['results'][string] = (report.results[column.id] = {});
    try {
      const page = await openColumn(browser, origin, column);
      entry.info = await page.evaluate(() => (window as unknown as BenchWindow).__bench.info());
      console.error(`${column.id.padEnd(8)} loaded: ${entry.info.backend}`);
      open.push({ column, page, byCase });
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      console.error(`${column.id.padEnd(8)} FAILED: ${entry.error}`);
    }
  }
  const m = options.measure;
  const turn: MeasureOptions = { ...m, edits: BATCH, minEdits: BATCH, budgetMs: 1e9 };
  for (const c of options.cases) {
    const parts = new Map<string, CellResult[]>(open.map(({ column }) => [column.id, []]));
    const failed = new Set<string>();
    const samples = (id: string) => (parts.get(id) ?? []).reduce((n, r) => n + r.timing.samples.length, 0);
    const done = (id: string) =>
      failed.has(id) || parts.get(id)?.some((r) => r.skipped) === true || samples(id) >= m.edits;
    const t = Date.now();
    const budget = m.budgetMs * open.length;
    while (!open.every(({ column }) => done(column.id))) {
      if (
        Date.now() - t > budget &&
        open.every(({ column }) => done(column.id) || samples(column.id) >= m.minEdits)
      )
        break;
      for (const { column, page } of open) {
        if (done(column.id)) continue;
        try {
          const r = await page.evaluate(([c, o]) => (window as unknown as BenchWindow).__bench.run(c, o), [
            c,
            turn,
          ] as const);
          parts.get(column.id)?.push(r);
        } catch (error) {
          failed.add(column.id);
          const message = error instanceof Error ? error.message : String(error);
          const byCase = open.find((o) => o.column.id === column.id)?.byCase;
          if (byCase) byCase[caseName(c)] = { error: message };
          console.error(`${column.id.padEnd(8)} ${caseName(c).padEnd(20)} FAILED: ${message.split('\n')[0]}`);
        }
      }
    }
    for (const { column, byCase } of open) {
      const results = parts.get(column.id) ?? [];
      const first = results[0];
      if (failed.has(column.id) || !first) continue;
      const skipped = results.some((r) => r.skipped);
      const all = skipped ? first.timing.samples : results.flatMap((r) => r.timing.samples);
      const merged: CellResult = {
        ...first,
        timing: summarize(all),
        warmupMs: results.flatMap((r) => r.warmupMs),
        skipped,
        tensors: first.tensors && [first.tensors[0], results.at(-1)?.tensors?.[1] ?? first.tensors[1]],
      };
      byCase[caseName(c)] = merged;
      console.error(
        `${column.id.padEnd(8)} ${caseName(c).padEnd(20)} median ${fmt(merged.timing.median)} ms, p95 ` +
          `${fmt(merged.timing.p95)} ms, ${skipped ? 'first edit only' : `${all.length} edits in ${results.length} turns`}`,
      );
    }
    console.error(`case ${caseName(c)} done (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  for (const { column, page } of open) {
    const backend = report.columns.find((e) => e.id === column.id)?.info?.backend ?? column.id;
    await runLeak(page, column, backend, options, report).catch((error: unknown) => {
      console.error(
        `leak     ${column.id} FAILED: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
  for (const { page } of open) await page.close().catch(() => {});
}

async function main(): Promise<void> {
  // --train is a bench of its own (trainBench.ts): training time per epoch beside PyTorch.
  if (process.argv.includes('--train')) return runTrainBench(process.argv.slice(2));
  if (process.argv.includes('--help')) {
    console.log(`${USAGE}\n${TRAIN_USAGE}`);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  try {
    const dev = await startServer();
    server = dev.server;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    const cpu = cpus();
    const report: Report = {
      chromium: browser.version(),
      node: process.versions.node,
      cpus: `${cpu.length} × ${cpu[0]?.model ?? '?'}`,
      columns: [],
      cases: options.cases,
      results: {},
      leaks: [],
      seconds: 0,
    };
    console.error(
      `${options.cases.length} cases × ${options.columns.length} columns; per cell ${options.measure.warmup} ` +
        `warm-up edits, then ${options.measure.minEdits}–${options.measure.edits} timed edits within ` +
        `${options.measure.budgetMs / 1000} s`,
    );

    // Interleaved: only the columns asked for (add ks-webgl by name to time the page forced to webgl).
    if (options.interleave) await runInterleaved(browser, dev.origin, options.columns, options, report);
    for (const column of options.interleave ? [] : options.columns) {
      await runColumn(browser, dev.origin, column, options, report);
      // The readback contract is webgl's: when the page picks another backend, time it forced to webgl too.
      const ks = report.columns[0];
      if (column.id === 'ks' && ks?.info && ks.info.backend !== 'webgl') {
        const forced = COLUMNS.find((c) => c.id === 'ks-webgl');
        if (forced) await runColumn(browser, dev.origin, forced, options, report);
      }
    }
    await server.close();
    server = undefined;

    if (options.coldStart) {
      const t = Date.now();
      try {
        report.cold = await coldStart(browser, options.coldLoads);
      } catch (error) {
        report.cold = { error: error instanceof Error ? error.message : String(error) };
      }
      console.error(`cold start done (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    }

    report.seconds = (Date.now() - started) / 1000;
    console.log(summary(report));
    console.log(`\nColumns (each is one page load running every case; ratios are medians ÷ Kernelscope's):`);
    console.log(legend(report.columns));
    if (options.jsonFile) {
      writeFileSync(options.jsonFile, JSON.stringify({ options, ...report }, null, 2));
      console.log(`Wrote ${options.jsonFile}`);
    }
    if (report.leaks.some((l) => l.after > l.before || l.gpuBytes[1] > l.gpuBytes[0])) process.exitCode = 1;
  } finally {
    await browser?.close();
    await server?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
