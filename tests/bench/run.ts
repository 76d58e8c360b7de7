/**
 * `npm run bench`: kernel edit -> all canvases redrawn, in headless Chromium (SwiftShader WebGL), for
 * Kernelscope's engine on webgl, the same page with a plain-JS loop, and the engine on tfjs cpu; plus the
 * tensor count across 1000 edits. Prints a table; `--json FILE` also writes the raw results.
 *
 * Options: --edits N (default 30, at least 30), --leak-edits N (default 1000), --leak-size PX (default
 * 128: the leak check's gray 1-filter image), --quick (512² only).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { caseName, type BenchCase, type EngineResult, type LeakResult, type PageInfo } from './types.ts';

type Mode = 'webgl' | 'js' | 'cpu';
const MODES: readonly Mode[] = ['webgl', 'js', 'cpu'];
type RunResult = EngineResult & { tensors: [number, number] };

interface BenchWindow {
  __benchReady?: string;
  __bench: {
    run(c: BenchCase, edits: number, warmup: number): Promise<RunResult>;
    leak(c: BenchCase, edits: number): Promise<LeakResult>;
    info(): PageInfo;
  };
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const edits = Math.max(30, Number(option('--edits') ?? 30));
const leakEdits = Number(option('--leak-edits') ?? 1000);
// The leak check's image: small, so that 1000 awaited redraws fit in about a minute on SwiftShader.
const leakSize = Number(option('--leak-size') ?? 128);
const jsonFile = option('--json');
const quick = process.argv.includes('--quick');

const CASES: BenchCase[] = [];
for (const size of quick ? [512] : [512, 1024])
  for (const channels of ['gray', 'rgb'] as const)
    for (const filters of [1, 4]) CASES.push({ size, channels, filters });

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const pair = (r: RunResult | undefined) => (r ? `${fmt(r.timing.median)} / ${fmt(r.timing.p95)}` : '—');
const ratio = (a: RunResult | undefined, b: RunResult | undefined) =>
  a && b ? `${(a.timing.median / b.timing.median).toFixed(2)}×` : '—';

async function main(): Promise<void> {
  const started = Date.now();
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await createServer({
      configFile: path.join(repo, 'vite.config.ts'),
      root: repo,
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
      optimizeDeps: { entries: ['tests/bench/bench.html'] },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address !== 'object') throw new Error('the dev server has no address');
    const origin = `http://127.0.0.1:${address.port}`;

    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    const version = browser.version();
    const results: Record<Mode, Record<string, RunResult>> = { webgl: {}, js: {}, cpu: {} };
    let info: PageInfo | undefined;
    let leak: LeakResult | undefined;

    for (const mode of MODES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => console.error(`[${mode}] page error: ${error.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') console.error(`[${mode}] console: ${msg.text()}`);
      });
      await page.goto(`${origin}/tests/bench/bench.html?mode=${mode}`);
      await page.waitForFunction(() => (window as unknown as BenchWindow).__benchReady, undefined, {
        timeout: 120_000,
      });
      const ready = await page.evaluate(() => (window as unknown as BenchWindow).__benchReady);
      if (ready !== 'ok') throw new Error(`[${mode}] the bench page failed: ${ready}`);
      if (mode === 'webgl')
        info = await page.evaluate(() => (window as unknown as BenchWindow).__bench.info());
      for (const c of CASES) {
        const t = Date.now();
        const r = await page.evaluate(([c, n]) => (window as unknown as BenchWindow).__bench.run(c, n, 3), [
          c,
          edits,
        ] as const);
        results[mode][caseName(c)] = r;
        console.error(
          `${mode.padEnd(5)} ${caseName(c).padEnd(16)} median ${fmt(r.timing.median)} ms, p95 ${fmt(r.timing.p95)} ms` +
            ` (${((Date.now() - t) / 1000).toFixed(0)} s)`,
        );
      }
      if (mode === 'webgl' && leakEdits > 0) {
        const c: BenchCase = { size: leakSize, channels: 'gray', filters: 1 };
        const t = Date.now();
        leak = await page.evaluate(([c, n]) => (window as unknown as BenchWindow).__bench.leak(c, n), [
          c,
          leakEdits,
        ] as const);
        console.error(
          `leak  ${caseName(c)}: ${leak.before} -> ${leak.after} tensors over ${leak.edits} edits` +
            ` (${((Date.now() - t) / 1000).toFixed(0)} s)`,
        );
      }
      await page.close();
    }

    const header = [
      'case',
      'Kernelscope webgl med/p95 ms',
      'plain JS med/p95 ms',
      'tfjs cpu med/p95 ms',
      'JS/webgl',
      'cpu/webgl',
      'readbacks/edit (webgl)',
      'tensors before→after (webgl)',
    ];
    const rows = CASES.map((c) => {
      const name = caseName(c);
      const w = results.webgl[name];
      const j = results.js[name];
      const p = results.cpu[name];
      return [
        name,
        pair(w),
        pair(j),
        pair(p),
        ratio(j, w),
        ratio(p, w),
        w ? String(w.readbacksPerEdit) : '—',
        w ? `${w.tensors[0]}→${w.tensors[1]}` : '—',
      ];
    });
    const lines = [
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ];
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Chromium ${version}; WebGL renderer: ${info?.renderer ?? '?'}; tfjs backend: ${info?.backend ?? '?'}`,
    );
    console.log(
      `${edits} timed edits per case (after 3 warm-up edits); times are edit -> every canvas redrawn.`,
    );
    console.log(lines.join('\n'));
    if (leak) {
      console.log(
        `Tensors (webgl engine, ${leakSize}² gray 1f): ${leak.before} before, ${leak.after} after ${leak.edits} edits` +
          ` (${leak.after === leak.before ? 'no leak' : `LEAK: ${leak.after - leak.before}`})`,
      );
    }
    console.log(`Total runtime ${seconds.toFixed(0)} s.`);
    if (jsonFile) {
      writeFileSync(
        jsonFile,
        JSON.stringify({ chromium: version, info, edits, cases: CASES, results, leak, seconds }, null, 2),
      );
      console.log(`Wrote ${jsonFile}`);
    }
    if (leak && leak.after !== leak.before) process.exitCode = 1;
  } finally {
    await browser?.close();
    await server?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
