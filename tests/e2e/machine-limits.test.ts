/**
 * Work too big for the machine: the heavy link's start-up stays answering (the backend choice times a
 * small fixed layer, never the link's), a long layer says how long and can be cancelled (the last result
 * stays), a layer that cannot fit is refused at once with what would fit, and after a failure inside the
 * computation (forced by the test hook `window.__kernelscopeTest.failComputes`) the page heals.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pngFile } from './fixtures.ts';
import {
  alertText,
  chooseFile,
  isUniform,
  kernelCell,
  readCanvas,
  redrawAfter,
  statusText,
  typeInto,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

/** Records the page's long tasks ([start, duration] ms) from before its own scripts run. */
const LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });`;

function hooks(value: object): string {
  return `window.__kernelscopeTest = ${JSON.stringify(value)};`;
}

/** A link's hash holding `filters` filters of size × size (gray), `same`, on a sample. */
function heavyHash(filters: number, size: number, sample: string, channels = 'gray'): string {
  const cell = channels === 'gray' ? 1 : [1, 1, 1];
  const weights = Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => (r === c ? cell : channels === 'gray' ? 0 : [0, 0, 0])),
  );
  const spec = { channels, padding: 'same', filters: Array.from({ length: filters }, () => ({ weights })) };
  return `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=${sample}`;
}

async function longTasks(page: Page): Promise<number[][]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[][] }).__longTasks);
}

async function tensors(page: Page): Promise<number> {
  return page.evaluate(() =>
    (window as unknown as { __kernelscopeTest: { tensors: () => number } }).__kernelscopeTest.tensors(),
  );
}

describe('work too big for the machine', () => {
  it('the heavy link (64 filters of 31 × 31) starts without long blocks, then offers Cancel', async () => {
    // webgl's samples are given: its first runs on SwiftShader compile for seconds whatever the layer.
    const webgl = [0, 1, 2].map(() => ({ small: 40, large: 400 }));
    const { page } = await open({
      query: '',
      hash: heavyHash(64, 31, 'camera'),
      initScript: LONG_TASKS + hooks({ samples: { webgl } }),
      waitForFirstDraw: false,
    });
    await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Backend: /);
    // The tasks that overlap the backend choice (a User Timing measure the page records).
    const [from, to] = await page.evaluate(() => {
      const m = performance.getEntriesByName('kernelscope:backend-choice', 'measure')[0];
      return [m?.startTime ?? 0, (m?.startTime ?? 0) + (m?.duration ?? Infinity)];
    });
    // Tasks that start within it (one that began before, e.g. React's first render, is not the choice's).
    const during = (await longTasks(page)).filter(
      ([start]) => (start as number) >= from && (start as number) < to,
    );
    const longest = Math.max(0, ...during.map(([, d]) => d as number));
    expect(longest, `long tasks during the backend choice: ${JSON.stringify(during)}`).toBeLessThan(1000);

    const cancel = page.getByRole('button', { name: 'Cancel computation' });
    await cancel.waitFor({ timeout: 120_000 });
    expect(await statusText(page)).toMatch(/This layer takes about \d+ s here/);
    // By keyboard: the button moves as the estimate and the progress update.
    await cancel.press('Enter');
    // No good result yet: back to the defaults (one 3 × 3 filter), computed at once.
    await page.waitForFunction(
      () => Number(document.querySelector('main')?.getAttribute('data-frames')) >= 1,
      null,
      {
        timeout: 60_000,
      },
    );
    await expect.poll(() => cancel.count()).toBe(0);
    await expect(kernelCell(page, 1, 3, 3).count()).resolves.toBe(1);
    expect(await kernelCell(page, 1, 4, 4).count()).toBe(0);
  }, 300_000);

  it('Cancel in a live tab keeps the last result and its settings', async () => {
    const { page } = await open({ query: '?backend=wasm', hash: '#sample=camera' });
    const before = await readCanvas(page, 'Feature map 1');
    await page.evaluate(
      (hash) => {
        location.hash = hash;
      },
      heavyHash(64, 31, 'camera').slice(1),
    );
    const cancel = page.getByRole('button', { name: 'Cancel computation' });
    await cancel.waitFor({ timeout: 120_000 });
    // By keyboard: the button moves as the estimate and the progress update.
    await cancel.press('Enter');
    await expect.poll(() => cancel.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => kernelCell(page, 1, 4, 4).count(), { timeout: 30_000 }).toBe(0);
    expect(await kernelCell(page, 1, 3, 3).count()).toBe(1);
    const after = await readCanvas(page, 'Feature map 1');
    expect(after.width).toBe(before.width);
    expect(Buffer.from(after.data).equals(Buffer.from(before.data)), 'the last result stays').toBe(true);
    expect(await alertText(page)).toBe('');
  }, 300_000);

  it('refuses at once a layer that cannot fit, saying what would fit', async () => {
    const { page } = await open({ query: '?backend=wasm' });
    const file = pngFile('big.png', 1024, 1024, (x, y) => [(x * 5) % 256, (y * 3) % 256, (x ^ y) % 256]);
    await redrawAfter(page, () => chooseFile(page, file), 'a 1024² image');
    const started = Date.now();
    // 64 filters, RGB per channel: 192 maps of 1024² (768 MB each stage).
    await page.evaluate(
      (hash) => {
        location.hash = hash;
      },
      heavyHash(64, 3, 'none', 'rgb-per-channel').replace('&sample=none', '').slice(1),
    );
    await expect.poll(() => alertText(page), { timeout: 20_000 }).toMatch(/^Not computed: /);
    expect(Date.now() - started, 'refused before any computation').toBeLessThan(20_000);
    const alert = await alertText(page);
    expect(alert).toMatch(/1024 × 1024 image, more than this page allows \(2\.1 GB\)/);
    const fits = /It fits with (\d+) filters or fewer, or on an image of at most (\d+) × (\d+)/.exec(alert);
    expect(fits, alert).not.toBeNull();
    expect(Number(fits?.[1])).toBeGreaterThan(0);
    expect(Number(fits?.[1])).toBeLessThan(64);
    expect(Number(fits?.[2])).toBeLessThan(1024);
    // The last good settings are back: one gray filter.
    await expect.poll(() => kernelCell(page, 2, 1, 1).count()).toBe(0);
    expect(isUniform(await readCanvas(page, 'Feature map 1'))).toBe(false);
  });

  it('heals after a failure inside the computation: rebuilt backend, last good settings, tensors back', async () => {
    const { page } = await open({ query: '?backend=wasm', hash: '#sample=camera', initScript: hooks({}) });
    await redrawAfter(page, () => typeInto(kernelCell(page, 1, 2, 2), '2'), 'a first edit');
    const normal = await tensors(page);

    await page.evaluate(() => {
      (window as unknown as { __kernelscopeTest: { failComputes: number } }).__kernelscopeTest.failComputes =
        1;
    });
    await typeInto(kernelCell(page, 1, 2, 2), '3');
    await expect
      .poll(() => alertText(page), { timeout: 30_000 })
      .toMatch(/failed on wasm \(Invalid typed array length: 268435456\)\. The wasm backend was restarted/);
    await expect.poll(() => kernelCell(page, 1, 2, 2).inputValue(), { timeout: 30_000 }).toBe('2');

    await redrawAfter(page, () => typeInto(kernelCell(page, 1, 2, 2), '4'), 'an edit after healing');
    await page.waitForTimeout(500);
    expect(await kernelCell(page, 1, 2, 2).inputValue()).toBe('4');
    expect(isUniform(await readCanvas(page, 'Feature map 1'))).toBe(false);
    // At most as many as before: the first frames also drew the folded padding view's canvases (padded
    // forms kept since), which the engine leaves undrawn once it knows they are out of view.
    expect(await tensors(page), 'no tensor left behind by the failure').toBeLessThanOrEqual(normal);
  });
});
