/**
 * The built page's head (manifest, icons, link preview, theme colour, noscript) and its service worker:
 * after one visit the page, its JS, the tfjs .wasm binaries and the built-in samples come from the cache,
 * so with the network off a reload still computes (wasm and webgl) and another sample still loads; and a
 * new deploy's worker takes over an open tab, which reloads onto it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  canvas,
  connectBrowser,
  expectShape,
  frames,
  redrawAfter,
  statusText,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl', serviceWorkers: 'allow' });

/** What the page fetches of a same-origin URL (through the service worker once it controls the page). */
async function fetchFrom(page: Page, url: string): Promise<{ status: number; type: string; body: number[] }> {
  return page.evaluate(async (u) => {
    const response = await fetch(u);
    const body = [...new Uint8Array(await response.arrayBuffer())];
    return { status: response.status, type: response.headers.get('content-type') ?? '', body };
  }, url);
}

function pngSize(body: number[]): [number, number] {
  const png = PNG.sync.read(Buffer.from(body));
  return [png.width, png.height];
}

/** The tfjs backend the page runs on, as its Backend menu shows it. */
function backendIn(page: Page): Promise<string> {
  return page.getByRole('combobox', { name: 'Backend' }).inputValue();
}

/** Waits for the first completed redraw of a page just (re)loaded. */
async function firstDraw(page: Page): Promise<void> {
  await page.waitForFunction(
    () => Number(document.querySelector('main')?.getAttribute('data-frames')) >= 1,
    null,
    { timeout: 90_000 },
  );
}

describe('the page head', () => {
  it('links a manifest with 192, 512 and maskable icons, a favicon, a theme colour, a link preview and noscript', async () => {
    const { page } = await open({ query: '?backend=wasm' });

    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref, 'a <link rel="manifest">').toBeTruthy();
    const manifestUrl = new URL(manifestHref ?? '', page.url()).href;
    const manifestResponse = await fetchFrom(page, manifestUrl);
    expect(manifestResponse.status).toBe(200);
    const manifest = JSON.parse(Buffer.from(manifestResponse.body).toString('utf8')) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ short_name: 'Kernelscope', start_url: './', display: 'standalone' });
    expect(manifest.name).toMatch(/Kernelscope/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const themeColor = await page.locator('meta[name="theme-color"]').getAttribute('content');
    expect(themeColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.theme_color).toBe(themeColor);

    // Every PNG icon is there, of the size it claims; there are 192 and 512 ones and a maskable one.
    const sizes: string[] = [];
    for (const icon of manifest.icons) {
      const got = await fetchFrom(page, new URL(icon.src, manifestUrl).href);
      expect(got.status, icon.src).toBe(200);
      if (icon.type !== 'image/png') continue;
      const [w, h] = pngSize(got.body);
      expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
      sizes.push(`${icon.sizes}${icon.purpose === 'maskable' ? ' maskable' : ''}`);
    }
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));

    // The favicon: SVG with a PNG fallback, both served.
    const icons = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((l) => [(l as HTMLLinkElement).href, l.getAttribute('type')]));
    expect(icons.map(([, type]) => type)).toEqual(expect.arrayContaining(['image/svg+xml', 'image/png']));
    for (const [href] of icons) expect((await fetchFrom(page, href ?? '')).status, href ?? '').toBe(200);

    // Link previews: Open Graph and Twitter card, the picture a real 1200 × 630 PNG.
    const meta = (key: string) =>
      page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');
    expect(await meta('og:title')).toMatch(/Kernelscope/);
    expect(await meta('og:description')).toBeTruthy();
    expect(await meta('twitter:card')).toBe('summary_large_image');
    const ogImage = await meta('og:image');
    expect(await meta('twitter:image')).toBe(ogImage);
    const preview = await fetchFrom(page, new URL(ogImage ?? '', page.url()).href);
    expect(preview.status).toBe(200);
    expect(pngSize(preview.body)).toEqual([1200, 630]);

    // Without JavaScript the page says why it is empty.
    const noscript = await page.locator('noscript').evaluate((n) => n.textContent ?? '');
    expect(noscript).toMatch(/needs JavaScript/);
  });
});

/**
 * Waits until the service worker controls `page`. An active worker that has not claimed the page yet
 * (clients.claim raced the load) controls the next load: then the page is reloaded once.
 */
async function waitUntilControlled(page: Page): Promise<void> {
  const controlled = () =>
    page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  if (
    await controlled().then(
      () => true,
      () => false,
    )
  )
    return;
  await page.reload();
  await controlled();
}

describe('offline after the first visit', () => {
  it('reloads with the network off: the first frame on wasm and on webgl, and a sample switch', async () => {
    const { page } = await open({ query: '?backend=wasm' });
    // The worker precaches everything while it installs; `ready` resolves once it is active.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).origin).toBe(new URL(page.url()).origin);
    await waitUntilControlled(page);

    await page.context().setOffline(true);
    try {
      await page.reload({ waitUntil: 'load' });
      await firstDraw(page);
      expect(await frames(page)).toBeGreaterThanOrEqual(1);
      expect(await backendIn(page), 'the backend in use').toBe('wasm');
      expect(await statusText(page)).toMatch(/\bwasm\b/i);
      // The .wasm binary came from the cache: a backend that could not load it would have fallen back.
      const fromCache = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((e) => e.name.endsWith('.wasm') && (e as PerformanceResourceTiming).responseStatus === 200),
      );
      expect(fromCache, 'a .wasm binary was fetched (from the service worker)').toBe(true);

      await redrawAfter(
        page,
        () => page.getByLabel('Sample image', { exact: true }).selectOption('camera'),
        'choosing the camera sample offline',
      );
      await expectShape(page, 'Input image', '512 × 512');
      expect(await canvas(page, 'Feature map 1').isVisible()).toBe(true);

      const webgl = (await open({ query: '?backend=webgl' })).page;
      expect(await frames(webgl)).toBeGreaterThanOrEqual(1);
      expect(await backendIn(webgl), 'the backend in use').toBe('webgl');
    } finally {
      await page.context().setOffline(false);
    }
  });
});

describe('a new deploy', () => {
  /**
   * The built page through a proxy whose sw.js can change, as a redeploy changes it (Playwright cannot
   * route a worker's update check). Its own context: the file's context allows only the page's origin.
   */
  let server: Server | undefined;
  let browser: Browser | undefined;
  let deploy = 1;
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function proxy(): Promise<string> {
    const upstream = baseUrl();
    server = createServer((req, res) => {
      void (async () => {
        const response = await fetch(new URL(req.url ?? '/', upstream));
        let body = Buffer.from(await response.arrayBuffer());
        if (new URL(req.url ?? '/', upstream).pathname.endsWith('/sw.js') && deploy > 1)
          body = Buffer.concat([body, Buffer.from(`\n// deploy ${deploy}\n`)]);
        res.writeHead(response.status, {
          'content-type': response.headers.get('content-type') ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        });
        res.end(body);
      })().catch(() => res.writeHead(502).end());
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/`;
  }

  it('takes over an open tab: the new worker activates and the tab reloads onto it', async () => {
    const url = await proxy();
    browser = await connectBrowser();
    const page = await (await browser.newContext({ serviceWorkers: 'allow' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}?backend=cpu`);
    await firstDraw(page);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    await waitUntilControlled(page);

    deploy = 2;
    await page.evaluate(() => Object.assign(window, { beforeTheUpdate: true }));
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    // What the browser does on the next navigation or its periodic check, done now.
    await page
      .evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      .catch(() => {}); // the reload may cut the evaluation short
    await reloaded;
    expect(await page.evaluate(() => 'beforeTheUpdate' in window), 'the tab reloaded').toBe(false);
    await firstDraw(page);
    expect(errors).toEqual([]);
  });
});
