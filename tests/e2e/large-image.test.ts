/**
 * A 4096 × 4096 photo on wasm (the backend the page picks on a machine without a GPU): no error, the layer
 * computed in strips with its progress shown, the page answering meanwhile (a kernel cell can be typed
 * into, and that edit is what the final maps show), every map at full resolution.
 */
import { describe, expect, it } from 'vitest';
import { pngFile } from './fixtures.ts';
import { alertText, chooseFile, expectShape, frames, kernelCell, typeInto, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

const SIDE = 4096;
/** Long enough for a 4096² image on SwiftShader-era CPUs (2 cores): loading, every strip and every map. */
const LARGE_TIMEOUT_MS = 180_000;

describe('a 4096 × 4096 image', () => {
  it(
    'is computed in strips with its progress shown, the page answering, and every map drawn',
    async () => {
      const { page } = await open({ query: '?backend=wasm' });
      // A vertical edge every 64 pixels and a diagonal gradient: structure for the filter to find.
      const file = pngFile('huge.png', SIDE, SIDE, (x, y) => {
        const v = (x >> 6) % 2 === 0 ? 40 : 210;
        return [v, (x + y) % 256, 255 - v];
      });
      const before = (await frames(page)) ?? 0;
      await chooseFile(page, file);

      const progress = page.getByRole('status').filter({ hasText: 'Computing a large image in strips' });
      await progress.waitFor({ timeout: LARGE_TIMEOUT_MS });
      await expect.poll(() => progress.locator('progress').getAttribute('max')).not.toBeNull();

      // While it computes, the page takes a kernel edit; the frame in progress is dropped for it.
      await typeInto(kernelCell(page, 1, 2, 2), '5');
      expect(await kernelCell(page, 1, 2, 2).inputValue()).toBe('5');

      await page.waitForFunction(
        (n) =>
          Number(document.querySelector('main')?.getAttribute('data-frames')) > n &&
          !document.querySelector('.compute-progress'),
        before,
        { timeout: LARGE_TIMEOUT_MS, polling: 500 },
      );
      expect(await alertText(page)).toBe('');
      await expectShape(page, 'Input image', `${SIDE} × ${SIDE}`);
      await expectShape(page, 'Feature map 1', `${SIDE} × ${SIDE}`);
      await expectShape(page, 'Max pooling 1', `${SIDE / 2} × ${SIDE / 2}`);
      await expectShape(page, 'Average pooling 1', `${SIDE / 2} × ${SIDE / 2}`);

      // Drawn at full size, with content: a row across two stripe edges is not one colour.
      const row = await page.getByRole('img', { name: 'Feature map 1', exact: true }).evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const data = c.getContext('2d')?.getImageData(0, 2000, 200, 1).data;
        return {
          width: c.width,
          height: c.height,
          colours: new Set(Array.from(data ?? [], (v, i) => (i % 4 === 3 ? '' : v))).size,
        };
      });
      expect(row.width).toBe(SIDE);
      expect(row.height).toBe(SIDE);
      expect(row.colours).toBeGreaterThan(2);

      // From the edited kernel: Sobel x alone peaks near ±130 on these stripes (luma step 31.5 × 4); with
      // the centre weight 5 the map holds 5 × luma, up to ~1000.
      const legend = page.getByRole('img', { name: /^Colour scale of Feature map 1:/ });
      await expect
        .poll(
          async () => {
            const label = (await legend.getAttribute('aria-label')) ?? '';
            return Number(
              label
                .split(' to ')
                .pop()
                ?.replace('−', '-')
                .replace(/[^0-9.e+-]/g, ''),
            );
          },
          { timeout: LARGE_TIMEOUT_MS },
        )
        .toBeGreaterThan(500);
    },
    3 * LARGE_TIMEOUT_MS,
  );
});
