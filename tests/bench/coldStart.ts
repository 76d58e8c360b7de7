/**
 * Cold start and bundle size: `vite build` of the page into a temporary folder (a production build, as
 * tests/e2e/globalSetup.ts does it), the gzip size of what it ships, then the built page served by Vite's
 * `preview()` and loaded N times, each in a fresh browser context (empty cache), timing navigation start
 * -> first feature map drawn (`<main data-frames>` reaching 1: the engine's first complete redraw of
 * every canvas, sample image included), as a person opening the page without a query gets it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { buildApp, freePort } from '../support/buildPage.ts';
import { summarize, type Timing } from './types.ts';

export interface Asset {
  file: string;
  bytes: number;
  gzip: number;
}

export interface ColdStart {
  buildSeconds: number;
  /** Every file of dist/assets with its raw and gzip (level 9) size. */
  assets: Asset[];
  jsGzip: number;
  jsBytes: number;
  wasmGzip: number;
  /** Navigation start -> first feature map drawn, per load. */
  firstFrame: Timing;
  /** First contentful paint, per load (ms since navigation start). */
  firstPaint: Timing;
  /** What the status line said on the last load (the backend the page picked and why). */
  status: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

async function assetsOf(outDir: string): Promise<Asset[]> {
  const dir = path.join(outDir, 'assets');
  const files = (await readdir(dir)).sort();
  return Promise.all(
    files.map(async (file) => {
      const data = await readFile(path.join(dir, file));
      return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
    }),
  );
}

interface LoadTimes {
  firstFrame: number;
  firstPaint: number;
  status: string;
}

/** Runs in the page before its own scripts: notes when <main data-frames> first reaches 1. */
function watchFirstFrame(): void {
  const w = window as unknown as { __firstFrame?: number };
  const observer = new MutationObserver(() => {
    const main = document.querySelector('main[data-frames]');
    if (main && Number(main.getAttribute('data-frames')) >= 1) {
      w.__firstFrame = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-frames'],
  });
}

async function loadOnce(browser: Browser, url: string): Promise<LoadTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFirstFrame);
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __firstFrame?: number }).__firstFrame,
      undefined,
      {
        timeout: 120_000,
      },
    );
    return await page.evaluate(() => ({
      firstFrame: (window as unknown as { __firstFrame: number }).__firstFrame,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      status: ((document.querySelector('p.status[role="status"]') as HTMLElement | null)?.innerText ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    }));
  } finally {
    await context.close();
  }
}

export async function coldStart(browser: Browser, loads: number): Promise<ColdStart> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'kernelscope-bench-'));
  let server: PreviewServer | undefined;
  try {
    const t = Date.now();
    await buildApp(REPO_ROOT, outDir);
    const buildSeconds = (Date.now() - t) / 1000;
    const assets = await assetsOf(outDir);
    const sum = (ext: string, key: 'bytes' | 'gzip') =>
      assets.filter((a) => a.file.endsWith(ext)).reduce((s, a) => s + a[key], 0);

    const port = await freePort();
    server = await preview({
      root: REPO_ROOT,
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    const runs: LoadTimes[] = [];
    for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, `http://127.0.0.1:${port}/`));
    return {
      buildSeconds,
      assets,
      jsBytes: sum('.js', 'bytes'),
      jsGzip: sum('.js', 'gzip'),
      wasmGzip: sum('.wasm', 'gzip'),
      firstFrame: summarize(runs.map((r) => r.firstFrame)),
      firstPaint: summarize(runs.map((r) => r.firstPaint)),
      status: runs.at(-1)?.status ?? '',
    };
  } finally {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
