/**
 * The robust default colour scale on a photo: the camera sample's Sobel x map, which the old ±max|x| scale
 * left nearly white (one outlier, the zero-padded border, set the scale), shows its edges by default, on
 * webgl and wasm alike; the legend says where the scale clips and the true range; an old link asking for
 * `display=symmetric` still gets the full range.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openWithLegends,
  readCanvas,
  screenshot,
  useBrowser,
  type OpenOptions,
  type Pixels,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

const openDrawn = (options: OpenOptions) => openWithLegends(open, options);

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const LINK = `#spec=${encodeURIComponent(JSON.stringify({ filters: [{ weights: SOBEL_X }] }))}&sample=camera`;

/** The diverging scale's neutral centre (ColorBrewer RdBu's middle, #f7f7f7), where 0 is drawn. */
const NEUTRAL = [247, 247, 247];
/** "Visibly coloured": some channel more than 20% of 0..255 (51 levels) away from the neutral centre. */
const VISIBLE = 51;

function colouredShare(p: Pixels): number {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    if (NEUTRAL.some((c, k) => Math.abs((p.data[i + k] ?? 0) - c) > VISIBLE)) n++;
  }
  return n / (p.width * p.height);
}

/** Pixels whose colour differs by more than `levels` in some channel (all of them if the sizes differ). */
function differing(a: Pixels, b: Pixels, levels: number): number {
  if (a.width !== b.width || a.height !== b.height) return a.width * a.height;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let k = 0; k < 3; k++) {
      if (Math.abs((a.data[i + k] ?? 0) - (b.data[i + k] ?? 0)) > levels) {
        n++;
        break;
      }
    }
  }
  return n;
}

async function legendLine(page: Page): Promise<string> {
  const figure = page.locator('figure', {
    has: page.getByRole('img', { name: 'Feature map 1', exact: true }),
  });
  const line = figure.locator('.legend-values');
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

function numbersIn(text: string): number[] {
  return [...text.replace(/−/g, '-').matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

describe('readable maps: the robust default colour scale', { timeout: 240_000 }, () => {
  const shares: Record<string, number> = {};
  const pictures: Record<string, Pixels> = {};

  for (const backend of ['webgl', 'wasm']) {
    it(`colours at least 3% of the camera Sobel x map on ${backend}, and the legend says where it clips`, async () => {
      const page = await openDrawn({ query: `?backend=${backend}`, hash: `${LINK}&lang=en` });
      const map = await readCanvas(page, 'Feature map 1');
      expect(map.width).toBe(512);
      pictures[backend] = map;
      shares[backend] = colouredShare(map);
      console.log(
        `camera Sobel x on ${backend}, robust: ${(100 * shares[backend]).toFixed(2)}% visibly coloured`,
      );
      expect(shares[backend]).toBeGreaterThanOrEqual(0.03);

      // The legend: ±q at the 99.5th percentile, inside the true range it also writes out.
      const [q = 0, min = 0, max = 0] = numbersIn((await legendLine(page)).replace('99.5%', ''));
      expect(q).toBeGreaterThan(0);
      expect(min).toBeLessThan(-q);
      expect(max).toBeGreaterThan(q);
      const legend = await page
        .getByRole('img', { name: /^Colour scale of Feature map 1:/ })
        .getAttribute('aria-label');
      expect(numbersIn(legend?.split(':')[1] ?? '')).toEqual([-q, q]);
      // Both clip points fall inside the histogram's min..max, and are marked there.
      const histogram = page.getByRole('img', { name: /^Histogram of Feature map 1:/ });
      expect(await histogram.getAttribute('aria-label')).toMatch(/saturate beyond ±/);
      expect(await histogram.locator('line.clip-mark').count()).toBe(2);
      if (backend === 'webgl') await screenshot(page, 'readable-maps-camera-sobel-x');
    });
  }

  it('gives the same picture on webgl and wasm (one scale, rounding aside)', () => {
    if (!pictures.webgl || !pictures.wasm) throw new Error("the two backends' tests did not both run");
    const off = differing(pictures.webgl, pictures.wasm, 2);
    expect(off / (512 * 512)).toBeLessThan(0.001);
  });

  it("keeps an old link's display=symmetric as the full range (±max|x|), which misses the 3%", async () => {
    const page = await openDrawn({ hash: `${LINK}&display=symmetric&lang=en` });
    await expect.poll(() => page.getByLabel('Feature map colours').inputValue()).toBe('symmetric');
    const full = colouredShare(await readCanvas(page, 'Feature map 1'));
    console.log(`camera Sobel x on webgl, full range: ${(100 * full).toFixed(2)}% visibly coloured`);
    expect(full).toBeLessThan(0.03);
    expect(full).toBeLessThan(shares.webgl ?? 0);
  });
});
