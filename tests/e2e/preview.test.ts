/**
 * Dragging a kernel cell on a large image (src/core/preview.ts, Engine.renderPreview): while the button
 * is held the maps are a preview that computes one pixel of every f × f block (its canvases at that
 * resolution, shown at their usual size), and the status says so; when it is released the full result
 * replaces it. With the raw colour scale a pixel's colour is its value, so the test checks the preview's
 * exactness: preview pixel (i, j) is the full result's pixel (i·f, j·f).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scene } from './fixtures.ts';
import {
  alertText,
  canvas,
  chooseFile,
  frames,
  kernelCell,
  readCanvas,
  useBrowser,
  type Pixels,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

/** Long enough for a large image on SwiftShader-era CPUs (2 cores). */
const TIMEOUT_MS = 120_000;

/** Waits until the page has drawn after `before`, computes nothing in strips, and stops drawing. */
async function settled(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector('main')?.getAttribute('data-frames')) > n &&
      !document.querySelector('.compute-progress'),
    before,
    { timeout: TIMEOUT_MS, polling: 200 },
  );
  let last = await frames(page);
  for (;;) {
    await page.waitForTimeout(600);
    const now = await frames(page);
    if (now === last) return;
    last = now;
  }
}

/** Preview pixels (i, j) that differ from the full result's pixel (i·f, j·f). */
function sampleMismatches(preview: Pixels, full: Pixels, factor: number): number {
  let n = 0;
  for (let i = 0; i < preview.height; i++) {
    for (let j = 0; j < preview.width; j++) {
      const p = (i * preview.width + j) * 4;
      const q = (i * factor * full.width + j * factor) * 4;
      for (let c = 0; c < 4; c++) if (preview.data[p + c] !== full.data[q + c]) n++;
    }
  }
  return n;
}

/** The two readings differ in size or in some pixel. */
function changed(a: Pixels, b: Pixels): boolean {
  return a.width !== b.width || a.height !== b.height || a.data.some((v, i) => v !== b.data[i]);
}

describe('dragging a kernel cell on a large image', () => {
  it.each([
    ['wasm', 2048],
    ['webgl', 1024],
  ])(
    'previews at a lower resolution while held, exact at its pixels, then draws the full result (%s, %i²)',
    async (backend, side) => {
      const { page } = await open({ query: `?backend=${backend}` });
      await page.getByLabel('Feature map colours', { exact: true }).selectOption('raw');
      const start = (await frames(page)) ?? 0;
      await chooseFile(page, scene('large.png', side, side));
      await settled(page, start);
      const cell = kernelCell(page, 1, 2, 2);
      // The introduction above may push the grid below the fold: the mouse only reaches what is on screen.
      await cell.scrollIntoViewIfNeeded();
      const before = await readCanvas(page, 'Max pooling 1');
      const boxBefore = await canvas(page, 'Feature map 1').boundingBox();

      const box = await cell.boundingBox();
      if (!box) throw new Error('no box for the centre cell');
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let dy = 2; dy <= 12; dy += 2) await page.mouse.move(x, y - dy);
      await expect.poll(() => cell.inputValue()).toBe('3');

      const note = page.getByRole('status').filter({ hasText: 'Preview while you drag' });
      await note.waitFor({ timeout: TIMEOUT_MS });
      await settled(page, 0);
      const factor = Number(await note.getAttribute('data-preview-factor'));
      expect(factor).toBeGreaterThanOrEqual(2);
      const preview = await readCanvas(page, 'Feature map 1');
      const small = Math.ceil(side / factor);
      expect([preview.width, preview.height], 'drawn at the preview resolution').toEqual([small, small]);
      const shown = await canvas(page, 'Feature map 1').boundingBox();
      expect(shown, 'shown at its usual size').toEqual(boxBefore);
      expect(changed(before, await readCanvas(page, 'Max pooling 1')), 'the pooling previewed too').toBe(
        true,
      );

      const held = (await frames(page)) ?? 0;
      await page.mouse.up();
      await settled(page, held);
      expect(await note.count()).toBe(0);
      expect(await alertText(page)).toBe('');
      const full = await readCanvas(page, 'Feature map 1');
      expect([full.width, full.height]).toEqual([side, side]);
      expect(sampleMismatches(preview, full, factor), 'preview (i, j) = full (i·f, j·f)').toBe(0);
      expect(await readCanvas(page, 'Max pooling 1')).toMatchObject({ width: side / 2, height: side / 2 });
    },
    4 * TIMEOUT_MS,
  );
});
