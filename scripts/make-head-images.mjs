#!/usr/bin/env node
/**
 * Makes the page's head images in public/ from their sources, with the system Chromium (playwright-core):
 *
 * - public/favicon.svg  -> public/icons/favicon-32.png, apple-touch-icon.png (180), icon-192.png, icon-512.png
 * - public/icons/maskable.svg (full bleed, the mark inside the 80 % safe circle) -> icons/maskable-512.png
 * - the built page itself, 1200 x 630, as it opens -> public/og-image.png (the link preview)
 *
 * Run by hand when the mark or the first screen changes: `node scripts/make-head-images.mjs [--icons|--og]`.
 * The results are committed; nothing runs this at build or test time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_CANDIDATES } from './ensure-chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC = path.join(ROOT, 'public');
const OG_HASH = '';

const which = process.argv[2];
const executablePath =
  process.env.CHROME_PATH ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--use-angle=swiftshader'] });

try {
  if (which !== '--og') await icons();
  if (which !== '--icons') await ogImage();
} finally {
  await browser.close();
}

/** Draws an SVG at size x size, transparent around it, and saves it as a PNG. */
async function rasterize(svgFile, size, outFile) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const svg = readFileSync(svgFile, 'utf8');
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: outFile, omitBackground: true });
  await page.close();
  console.log(`${path.relative(ROOT, outFile)}  ${size} x ${size}`);
}

async function icons() {
  const favicon = path.join(PUBLIC, 'favicon.svg');
  const out = (name) => path.join(PUBLIC, 'icons', name);
  await rasterize(favicon, 32, out('favicon-32.png'));
  await rasterize(favicon, 180, out('apple-touch-icon.png'));
  await rasterize(favicon, 192, out('icon-192.png'));
  await rasterize(favicon, 512, out('icon-512.png'));
  await rasterize(path.join(PUBLIC, 'icons', 'maskable.svg'), 512, out('maskable-512.png'));
}

/** Builds the page, serves it, and takes the first screen at the size link previews use. */
async function ogImage() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'kernelscope-og-'));
  const built = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('vite build failed');
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, open: false },
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
    await page.goto(`${server.resolvedUrls.local[0]}?backend=wasm${OG_HASH}`);
    await page.waitForSelector('main[data-frames]:not([data-frames="0"])', { timeout: 120_000 });
    await page.waitForTimeout(1500);
    const file = path.join(PUBLIC, 'og-image.png');
    await page.screenshot({ path: file });
    console.log(`${path.relative(ROOT, file)}  1200 x 630`);
  } finally {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
