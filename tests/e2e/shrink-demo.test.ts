/**
 * Stride against pooling, and moving the picture (issue 15, part 2). On the 28 × 28 sample (Fashion-MNIST
 * ankle boot) through the default Sobel x: the three ways' shapes from downsampleCost's arithmetic
 * (SAME: 14 × 14 each, valid: 13 × 13 each), and the translation test's numbers against the plain-loop
 * reference (tests/reference/convLoop.ts) run on the sample moved in the test: mean |Δ| of (a) stride 2,
 * (b) stride 1 + 2 × 2 max pooling, (c) stride 1 + 2 × 2 average pooling, within 1e-3 relative. Moving the
 * slider changes the bars, shift 0 gives 0 for all three; an edit of the filter is measured again. A photo
 * per RGB channel (three maps); on wasm, a closed fold holds no canvas, a tiny image says why a way has
 * no output, and axe finds nothing serious in the demo. Screenshots at 1400 and 390 px, en and ko.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../src/core/spec.ts';
import type { LayerSpec } from '../../src/core/spec.ts';
import { referenceLayer, type HwcArray, type ReferenceImage } from '../reference/convLoop.ts';
import { pngFile } from './fixtures.ts';
import {
  backendQuery,
  chooseFile,
  isSectionOpen,
  kernelCell,
  REPO_ROOT,
  screenshot,
  shapesOf,
  typeInto,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

type Way = 'stride' | 'maxPool' | 'avgPool';
const WAYS: Way[] = ['stride', 'maxPool', 'avgPool'];
const CANVAS: Record<Way, string> = {
  stride: 'Shrunk by stride 2, map 1',
  maxPool: 'Shrunk by 2 × 2 max pooling, map 1',
  avgPool: 'Shrunk by 2 × 2 average pooling, map 1',
};
/** The first measurement reads six maps back (SwiftShader compiles their shaders first). */
const MEASURE = { timeout: 60_000 };

/** The sample as an RGB image [28, 28, 3], as the browser decodes it. */
function samplePixels(): ReferenceImage & { shape: [number, number, number]; data: number[] } {
  const png = PNG.sync.read(readFileSync(path.join(REPO_ROOT, 'public/samples/fashion-mnist-9.png')));
  const data: number[] = [];
  for (let i = 0; i < png.width * png.height; i++) {
    data.push(png.data[4 * i] as number, png.data[4 * i + 1] as number, png.data[4 * i + 2] as number);
  }
  return { shape: [png.height, png.width, 3], data };
}

/** `image` with its content moved dy rows down and dx columns right; wrapped around or zeros coming in. */
function moved(image: ReturnType<typeof samplePixels>, dy: number, dx: number, edge: 'wrap' | 'zeros') {
  const [h, w, c] = image.shape;
  const data = new Array<number>(h * w * c).fill(0);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sy = y - dy;
      let sx = x - dx;
      if (edge === 'wrap') {
        sy = (sy + h) % h;
        sx = (sx + w) % w;
      } else if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
      for (let k = 0; k < c; k++) data[(y * w + x) * c + k] = image.data[(sy * w + sx) * c + k] as number;
    }
  }
  return { shape: image.shape, data };
}

/** The shrunk map of one way, written out here (not with src/core's downsampleSpec). */
function shrunk(image: ReferenceImage, spec: LayerSpec, way: Way): HwcArray {
  const pool = { size: [2, 2], stride: [2, 2], padding: 'valid' } as LayerSpec['pool'];
  const out = referenceLayer(image, { ...spec, stride: way === 'stride' ? [2, 2] : [1, 1], pool });
  return way === 'stride' ? out.conv : way === 'maxPool' ? out.maxpool : out.avgpool;
}

const meanAbs = (values: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.abs(values[i] as number);
  return s / values.length;
};

/** What the reference says of one way: mean |Δ| and its share of the unmoved mean |value|. */
function expected(
  image: ReturnType<typeof samplePixels>,
  spec: LayerSpec,
  shift: [number, number, 'wrap' | 'zeros'],
) {
  const after = moved(image, ...shift);
  return Object.fromEntries(
    WAYS.map((way) => {
      const a = shrunk(image, spec, way).data;
      const b = shrunk(after, spec, way).data;
      const change = meanAbs(a.map((v, i) => (b[i] as number) - v));
      return [way, { change, share: change / meanAbs(a) }];
    }),
  ) as Record<Way, { change: number; share: number }>;
}

const demo = (page: Page): Locator =>
  page.getByRole('region', { name: 'Stride against pooling, and moving the picture', exact: true });

/** Waits until the bars show the numbers of `key` (`dy,dx,edge:map`), then reads each way's. */
async function bars(page: Page, key: string): Promise<Record<Way, { change: number; share: number | null }>> {
  const figure = demo(page).locator(`figure.shrink-bars[data-measured="${key}"]`);
  await figure.waitFor(MEASURE);
  const out = {} as Record<Way, { change: number; share: number | null }>;
  for (const way of WAYS) {
    const text = (await figure.locator(`li[data-way="${way}"]`).textContent()) ?? '';
    const match = /mean \|Δ\| ([−\d.]+)(?: \(([\d.]+) %)?/.exec(text);
    if (!match) throw new Error(`no number in the ${way} bar: "${text}"`);
    out[way] = {
      change: Number((match[1] ?? '').replace('−', '-')),
      share: match[2] === undefined ? null : Number(match[2]) / 100,
    };
  }
  return out;
}

async function expectNumbers(
  page: Page,
  key: string,
  want: ReturnType<typeof expected>,
): Promise<Awaited<ReturnType<typeof bars>>> {
  const shown = await bars(page, key);
  for (const way of WAYS) {
    const got = shown[way];
    expect(Math.abs(got.change - want[way].change) / want[way].change, `${way}: mean |Δ|`).toBeLessThan(1e-3);
    expect(Math.abs((got.share ?? 0) - want[way].share) / want[way].share, `${way}: share`).toBeLessThan(
      5e-3,
    );
  }
  return shown;
}

/** Two screenshots: the three ways, then the translation test (found by class: the same in both languages). */
async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.locator('section.shrink-demo').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, name);
  await page.locator('section.shrink-move').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, `${name}-move`);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core violations inside the demo. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<unknown> } }).axe;
    const root = document.querySelector('section.shrink-demo') as Element;
    const result = (await axe.run(root, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const image = samplePixels();
const LINK = '#sample=fashion-mnist-9&demo=shrink&open=shrink';

describe('stride against pooling', () => {
  it('SAME: 14 × 14 three times; shift 1 wrap matches the reference; the slider changes the bars; 0 gives 0', async () => {
    const { page } = await open({ hash: LINK });
    expect(await isSectionOpen(page, 'Stride against pooling, and moving the picture')).toBe(true);
    for (const way of WAYS) expect((await shapesOf(page, CANVAS[way]))[0]).toBe('14 × 14');
    const text = (await demo(page).innerText()).replace(/\s+/g, ' ');
    // 14·14·9 = 1764 multiply-adds at stride 2, 28·28·9 = 7056 at stride 1; 14·14·4 = 784 pool reads.
    expect(text).toContain('1,764 multiply-adds');
    expect(text).toContain('7,056 multiply-adds');
    expect(text).toContain('784 cells read by the pooling');

    const one = await expectNumbers(page, '0,1,wrap:0', expected(image, defaultSpec(), [0, 1, 'wrap']));
    await shoot(page, 'shrink-demo-1400-en', 1400);

    const slider = demo(page).getByRole('slider', { name: 'Shift', exact: true });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const two = await expectNumbers(page, '0,2,wrap:0', expected(image, defaultSpec(), [0, 2, 'wrap']));
    for (const way of WAYS) expect(two[way].change, way).not.toBe(one[way].change);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)shift=2(&|$)/);

    await page.keyboard.press('Home');
    const still = await bars(page, '0,0,wrap:0');
    for (const way of WAYS) expect(still[way]).toEqual({ change: 0, share: 0 });
    await shoot(page, 'shrink-demo-390-en', 390);
  });

  it('valid padding: 13 × 13 three times; down 3 with zeros matches the reference; in Korean', async () => {
    const spec: LayerSpec = { ...defaultSpec(), padding: 'valid' };
    const hash = `#spec=${encodeURIComponent(JSON.stringify({ padding: 'valid' }))}${LINK.replace('#', '&')}&shift=3&dir=down&edge=zeros&lang=ko`;
    const { page } = await open({ hash });
    for (const name of [
      '스트라이드 2로 줄인 맵 1',
      '2 × 2 최대 풀링으로 줄인 맵 1',
      '2 × 2 평균 풀링으로 줄인 맵 1',
    ])
      expect((await shapesOf(page, name))[0]).toBe('13 × 13');
    const want = expected(image, spec, [3, 0, 'zeros']);
    const figure = page.locator('figure.shrink-bars[data-measured="3,0,zeros:0"]');
    await figure.waitFor(MEASURE);
    for (const way of WAYS) {
      const text = (await figure.locator(`li[data-way="${way}"]`).textContent()) ?? '';
      const got = Number(/평균 \|Δ\| ([\d.]+)/.exec(text)?.[1]);
      expect(Math.abs(got - want[way].change) / want[way].change, way).toBeLessThan(1e-3);
    }
    await shoot(page, 'shrink-demo-1400-ko', 1400);
    await shoot(page, 'shrink-demo-390-ko', 390);
  });
});

describe('stride against pooling on a photo', () => {
  it('Chelsea (451 × 300) per RGB channel: three maps to pick; SAME stride 2 is 150 × 226, the pools 150 × 225', async () => {
    const spec = { channels: 'rgb-per-channel' };
    const { page } = await open({
      hash: `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=chelsea&demo=shrink&open=shrink&smap=3&shift=2&dir=diagonal`,
    });
    const picker = demo(page).getByRole('combobox', { name: 'Map to compare', exact: true });
    expect(await picker.locator('option').count()).toBe(3);
    expect((await shapesOf(page, 'Shrunk by stride 2, map 3'))[0]).toBe('150 × 226');
    expect((await shapesOf(page, 'Shrunk by 2 × 2 max pooling, map 3'))[0]).toBe('150 × 225');
    const shown = await bars(page, '2,2,wrap:2');
    for (const way of WAYS) expect(shown[way].change, way).toBeGreaterThan(0);
    await shoot(page, 'shrink-demo-photo-1400-en', 1400);
  });
});

describe('stride against pooling on wasm', () => {
  it('map 2 of Sobel x + y, diagonal 1 wrap, matches the reference, again after an edit; a closed fold holds no canvas; a 3 × 3 image says the pooling has no output', async () => {
    const sobelY = {
      weights: [
        [-1, -2, -1],
        [0, 0, 0],
        [1, 2, 1],
      ],
      bias: 0,
    };
    const two = { filters: [{ weights: defaultSpec().filters[0]?.weights, bias: 0 }, sobelY] };
    const { page } = await open({
      hash: `#spec=${encodeURIComponent(JSON.stringify(two))}${LINK.replace('#', '&')}&smap=2&dir=diagonal`,
      query: backendQuery('wasm'),
    });
    const picker = demo(page).getByRole('combobox', { name: 'Map to compare', exact: true });
    expect(await picker.inputValue()).toBe('1');
    const spec: LayerSpec = { ...defaultSpec(), filters: [sobelY] };
    await expectNumbers(page, '1,1,wrap:1', expected(image, spec, [1, 1, 'wrap']));
    expect(await shapesOf(page, 'Shrunk by stride 2, map 2')).toContain('14 × 14');
    expect(await axeViolations(page)).toEqual([]);

    // An edit of filter 2 (its top-left weight from −1 to 3) is measured again after its frame.
    const before = await bars(page, '1,1,wrap:1');
    await page
      .getByRole('tablist', { name: 'Filters' })
      .getByRole('tab', { name: 'Filter 2', exact: true })
      .click();
    await typeInto(kernelCell(page, 2, 1, 1), '3');
    const edited = { ...sobelY, weights: [[3, -2, -1], ...sobelY.weights.slice(1)] };
    await expect
      .poll(() => bars(page, '1,1,wrap:1').then((b) => b.stride.change), MEASURE)
      .not.toBe(before.stride.change);
    await expectNumbers(
      page,
      '1,1,wrap:1',
      expected(image, { ...defaultSpec(), filters: [edited] }, [1, 1, 'wrap']),
    );

    // Closed, the fold holds no canvas of the demo (the engine neither draws nor measures it).
    await page.locator('details[data-section="shrink"] > summary').click();
    await expect.poll(() => page.locator('section.shrink-demo canvas').count()).toBe(0);

    await page.locator('details[data-section="shrink"] > summary').click();
    await demo(page).getByRole('radio', { name: 'Fill with zeros', exact: true }).check();
    // Valid padding, then a 3 × 3 image: the 3 × 3 filter leaves a 1 × 1 map at stride 1.
    await page
      .getByRole('radiogroup', { name: 'Padding', exact: true })
      .getByRole('radio', { name: 'Valid', exact: true })
      .check();
    await expect.poll(() => shapesOf(page, 'Shrunk by stride 2, map 2')).toContain('13 × 13');
    await chooseFile(
      page,
      pngFile('tiny.png', 3, 3, (x, y) => [x * 80, y * 80, 40]),
    );
    const text = () =>
      demo(page)
        .innerText()
        .then((t) => t.replace(/\s+/g, ' '));
    await expect
      .poll(text)
      .toContain('No output: the stride-1 feature map is 1 × 1, smaller than the 2 × 2 pooling window.');
    expect((await shapesOf(page, 'Shrunk by stride 2, map 2'))[0]).toBe('1 × 1');
    expect(
      await demo(page).getByRole('img', { name: 'Shrunk by 2 × 2 max pooling, map 2', exact: true }).count(),
    ).toBe(0);
  });
});
