/** The page as it opens: a built-in sample, every canvas drawn, the backend named, nothing wrong, nothing fetched. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canvas,
  isUniform,
  readCanvas,
  REPO_ROOT,
  screenshot,
  shapesOf,
  statusText,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

const FIRST_CANVASES = ['Input image', 'Filter 1', 'Feature map 1', 'Max pooling 1', 'Average pooling 1'];

describe('the page as it opens', () => {
  it('shows a built-in sample with its input, filter, feature map and both pooling canvases', async () => {
    const { page } = await open();
    for (const name of FIRST_CANVASES) {
      expect(await canvas(page, name).isVisible(), `img "${name}" is visible`).toBe(true);
      expect(
        (await shapesOf(page, name)).length,
        `the figcaption of "${name}" shows a shape`,
      ).toBeGreaterThan(0);
    }
    const input = await readCanvas(page, 'Input image');
    expect(isUniform(input), 'the sample image is not a blank canvas').toBe(false);
    const map = await readCanvas(page, 'Feature map 1');
    expect(isUniform(map), 'the first feature map is not a blank canvas').toBe(false);
  });

  it('names the webgl backend in the status line', async () => {
    const { page } = await open();
    await expect
      .poll(() => statusText(page), { message: 'role status names the backend' })
      .toMatch(/\bwebgl\b/i);
  });

  it('logs no console error and makes no request to another origin', async () => {
    // The checks themselves run after every test (useBrowser); this one only waits for a quiet page.
    const { page, log } = await open();
    await page.waitForTimeout(1_000);
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('looks right at 1400 × 900 (docs/screenshot.png, shown in the README)', async () => {
    const { page } = await open();
    expect(page.viewportSize()).toEqual({ width: 1400, height: 900 });
    // The legends arrive once the first frame's statistics are read; then pin a pixel on the boot's edge
    // so the picture shows the inspector at work.
    await page.getByRole('img', { name: /^Colour scale of Feature map 1:/ }).waitFor();
    const map = canvas(page, 'Feature map 1');
    const box = await map.boundingBox();
    if (!box) throw new Error('"Feature map 1" has no box');
    await map.click({ position: { x: box.width * (19.5 / 28), y: box.height * (10.5 / 28) } });
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect.poll(() => inspector.innerText(), { timeout: 20_000 }).toMatch(/row 11, column 20 = /);
    const file = await screenshot(page, 'opening', path.join(REPO_ROOT, 'docs', 'screenshot.png'));
    expect(file).toMatch(/opening\.png$/);
  });
});
