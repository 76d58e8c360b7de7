/**
 * What the pipeline shows beyond the three stages: legends with values and histograms, the map before the
 * activation, the Sobel magnitude √(h² + v²), RGB-per-channel maps as one colour image, the padded input
 * in the three padding modes, and PNG / .npy downloads of any figure.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  canvas,
  downloadedBytes,
  expectShape,
  isUniform,
  readCanvas,
  redrawAfter,
  screenshot,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

function linkTo(spec: object, extra = ''): string {
  return `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=fashion-mnist-9${extra}&lang=en`;
}

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const SOBEL_Y = [
  [-1, -2, -1],
  [0, 0, 0],
  [1, 2, 1],
];

/** The legend's accessible name, e.g. "Colour scale of Feature map 1: −255 to 255". */
async function legendOf(page: Page, name: string): Promise<string> {
  const legend = page.getByRole('img', { name: new RegExp(`^Colour scale of ${name}:`) });
  await legend.waitFor();
  return (await legend.getAttribute('aria-label')) ?? '';
}

function numbersIn(text: string): number[] {
  return [...text.replace(/−/g, '-').matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

describe('views of the layer', () => {
  it('each map has a legend with its range (robust ±q, true min and max written) and a histogram', async () => {
    const { page } = await open({ hash: linkTo({ padding: 'valid' }) });
    const legend = await legendOf(page, 'Feature map 1');
    const [lo, hi] = numbersIn(legend.split(':')[1] ?? '');
    expect(lo, legend).toBeLessThan(0);
    expect(hi, legend).toBe(-(lo ?? 0));
    const histogram = page.getByRole('img', { name: /^Histogram of Feature map 1:/ });
    expect(await histogram.locator('rect').count()).toBe(24);

    // Min–max gray: the legend ends are the map's own min and max (a Sobel map has both signs).
    await redrawAfter(page, () => page.getByLabel('Feature map colours').selectOption('minmax'), 'min–max');
    await expect.poll(() => legendOf(page, 'Feature map 1')).not.toBe(legend);
    const [min, max] = numbersIn((await legendOf(page, 'Feature map 1')).split(':')[1] ?? '');
    expect(min).toBeLessThan(0);
    expect(max).toBeGreaterThan(0);
    expect(max).not.toBe(-(min ?? 0));
  });

  it('with ReLU the map before the activation is shown next to the one after, which has no negatives', async () => {
    const { page } = await open({ hash: linkTo({ activation: 'relu', padding: 'valid' }) });
    await expectShape(page, 'Before activation 1', '26 × 26');
    await expectShape(page, 'Feature map 1', '26 × 26');
    const before = numbersIn((await legendOf(page, 'Before activation 1')).split(':')[1] ?? '');
    expect(before[0]).toBeLessThan(0);
    const histogram = await page
      .getByRole('img', { name: /^Histogram of Feature map 1:/ })
      .getAttribute('aria-label');
    const [min] = numbersIn(histogram?.split(':')[1] ?? '');
    expect(min, 'ReLU leaves no negative value').toBe(0);
  });

  it('the Sobel magnitude √(h² + v²) of maps 1 and 2 is shown when asked (and in the link)', async () => {
    const spec = { padding: 'valid', filters: [{ weights: SOBEL_X }, { weights: SOBEL_Y }] };
    const { page } = await open({ hash: linkTo(spec) });
    expect(await canvas(page, 'Sobel magnitude').count()).toBe(0);
    const toggle = page.getByRole('checkbox', { name: /Sobel magnitude/ });
    await redrawAfter(page, () => toggle.check(), 'turning the magnitude on');
    await expectShape(page, 'Sobel magnitude', '26 × 26');
    expect(isUniform(await readCanvas(page, 'Sobel magnitude'))).toBe(false);
    await legendOf(page, 'Sobel magnitude');
    const histogram = await page
      .getByRole('img', { name: /^Histogram of Sobel magnitude:/ })
      .getAttribute('aria-label');
    const [min, max] = numbersIn(histogram?.split(':')[1] ?? '');
    expect(min, 'a magnitude is never negative').toBeGreaterThanOrEqual(0);
    expect(max).toBeGreaterThan(100);
    expect(page.url()).toContain('mag=1');
    await screenshot(page, 'views-magnitude');
  });

  it('RGB per channel shows three maps per filter and the three together as a colour image', async () => {
    const spec = { channels: 'rgb-per-channel', filters: [{ weights: [[1]] }] };
    const { page } = await open({
      hash: `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=chelsea&lang=en`,
    });
    for (const m of [1, 2, 3]) expect(await canvas(page, `Feature map ${m}`).count()).toBe(1);
    const composite = await readCanvas(page, 'Filter 1 on R, G, B as colour');
    // An identity 1×1 filter per channel gives the photo back: some pixel is far from gray.
    let colourful = 0;
    for (let i = 0; i < composite.data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = composite.data.subarray(i, i + 3);
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colourful++;
    }
    expect(colourful).toBeGreaterThan(50);
  });

  it('saves a feature map as .npy with its shape, and as PNG', async () => {
    const { page } = await open({ hash: linkTo({ padding: 'valid' }) });
    const npy = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save Feature map 1 as .npy' }).click();
    const bytes = await downloadedBytes(await npy);
    expect(bytes.subarray(1, 6).toString('latin1')).toBe('NUMPY');
    expect(bytes.toString('latin1', 10, 80)).toContain("'shape': (26, 26)");
    expect(bytes.length - bytes.readUInt16LE(8) - 10).toBe(26 * 26 * 4);

    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save Feature map 1 as PNG' }).click();
    const download = await png;
    expect(download.suggestedFilename()).toBe('feature-map-1.png');
    const pngBytes = await downloadedBytes(download);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
