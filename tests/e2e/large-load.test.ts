/**
 * Loading a 4096 × 4096 image does not block the page: its pixels are read and made into the input in
 * bands with the page answering in between (src/engine/imageBands.ts), then the layer runs in strips.
 * Long tasks (PerformanceObserver 'longtask') are recorded from the file's choice to its first frame.
 */
import { describe, expect, it } from 'vitest';
import { pngFile } from './fixtures.ts';
import { chooseFile, expectShape, frames, useBrowser } from './support.ts';

const { open } = useBrowser();

const SIDE = 4096;
/**
 * The longest task allowed, on this 2-core machine with SwiftShader and no GPU: a band of a million
 * pixels, one tfjs-wasm op on the whole image (luma, padding) or one map coloured for its canvas.
 */
const LONGEST_TASK_MS = 500;

describe('a 4096 × 4096 image loads without blocking', () => {
  it(`has no main-thread task over ${LONGEST_TASK_MS} ms from its choice to its first frame`, async () => {
    const { page } = await open({
      query: '?backend=wasm',
      initScript: `window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });`,
    });
    const file = pngFile('huge.png', SIDE, SIDE, (x, y) => {
      const v = (x >> 6) % 2 === 0 ? 40 : 210;
      return [v, (x + y) % 256, 255 - v];
    });
    const before = (await frames(page)) ?? 0;
    const from = await page.evaluate(() => performance.now());
    await chooseFile(page, file);
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('main')?.getAttribute('data-frames')) > n &&
        !document.querySelector('.compute-progress'),
      before,
      { timeout: 240_000, polling: 500 },
    );
    await expectShape(page, 'Input image', `${SIDE} × ${SIDE}`);
    const tasks = await page.evaluate(
      (t0) =>
        (window as unknown as { __longTasks: number[][] }).__longTasks.filter(
          ([start]) => (start as number) >= t0,
        ),
      from,
    );
    const longest = Math.max(0, ...tasks.map(([, d]) => d as number));
    console.log(`4096² load: ${tasks.length} long tasks, longest ${Math.round(longest)} ms`);
    expect(
      longest,
      JSON.stringify(tasks.map(([s, d]) => [Math.round(s as number), Math.round(d as number)])),
    ).toBeLessThan(LONGEST_TASK_MS);
  }, 300_000);
});
