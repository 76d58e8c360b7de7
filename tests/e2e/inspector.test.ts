/**
 * The inspector (issue 3): hover, click or choose by keyboard an output pixel; the panel "Inspector" writes
 * its computation out with the real numbers and the receptive field is outlined over the input.
 *
 * The default page shows the Fashion-MNIST ankle boot (public/samples/fashion-mnist-9.png, 28 × 28) through
 * Sobel x with SAME padding and 2 × 2 pooling. The expected numbers come from the same PNG read with pngjs
 * and run through the independent plain-loop reference (tests/reference/convLoop.ts); a deeper layer's
 * pixel (a network, docs/spec.md "Networks") through the reference network.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/core/network.ts';
import { defaultSpec, parseSpec } from '../../src/core/spec.ts';
import {
  referenceLayer,
  referenceNetwork,
  type HwcArray,
  type ReferenceOutputs,
} from '../reference/convLoop.ts';
import { pngFile } from './fixtures.ts';
import {
  backendQuery,
  canvas,
  chooseFile,
  redrawAfter,
  REPO_ROOT,
  RESULTS_DIR,
  screenshot,
  typeInto,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });
let page: Page;

const SIZE = 28;
/** The first explanation waits for one readback of the input (slow on SwiftShader). */
const POLL = { timeout: 15_000 };

/** The sample as an RGB image [28, 28, 3], as the browser decodes it (a gray PNG: R = G = B). */
function samplePixels(): { shape: [number, number, number]; data: number[] } {
  const png = PNG.sync.read(readFileSync(path.join(REPO_ROOT, 'public/samples/fashion-mnist-9.png')));
  const data: number[] = [];
  for (let i = 0; i < png.width * png.height; i++) {
    data.push(png.data[4 * i] as number, png.data[4 * i + 1] as number, png.data[4 * i + 2] as number);
  }
  return { shape: [png.height, png.width, 3], data };
}

const image = samplePixels();
const reference: ReferenceOutputs = referenceLayer(image, defaultSpec());
/** Luma of the sample at (y, x), 0 outside (zero padding). */
const luma = (y: number, x: number): number => {
  if (y < 0 || y >= SIZE || x < 0 || x >= SIZE) return 0;
  const i = 3 * (y * SIZE + x);
  return (
    0.299 * (image.data[i] as number) +
    0.587 * (image.data[i + 1] as number) +
    0.114 * (image.data[i + 2] as number)
  );
};
const at = (a: HwcArray, y: number, x: number): number => a.data[y * a.shape[1] + x] as number;

/** A number as the inspector writes it (real minus sign, thousands never grouped). */
function parseNumber(text: string): number {
  const value = Number(text.trim().replace('−', '-'));
  if (Number.isNaN(value)) throw new Error(`not a number: "${text}"`);
  return value;
}

function inspector(p: Page): Locator {
  return p.getByRole('region', { name: 'Inspector', exact: true });
}

/** The one-line summary (the polite live region). */
function summary(p: Page): Locator {
  return inspector(p).locator('[aria-live="polite"]');
}

/**
 * Moves the mouse over the centre of pixel (y, x) of the canvas `name` showing a map of `size` pixels
 * (a number for a square map, or [height, width]).
 */
async function hover(
  p: Page,
  name: string,
  size: number | [number, number],
  y: number,
  x: number,
): Promise<void> {
  const [height, width] = typeof size === 'number' ? [size, size] : size;
  const box = await canvas(p, name).boundingBox();
  if (!box) throw new Error(`canvas "${name}" is not visible`);
  await p.mouse.move(box.x + ((x + 0.5) / width) * box.width, box.y + ((y + 0.5) / height) * box.height);
}

/** The texts of a table's cells (row by row) and which of them are marked padded / winner. */
async function tableCells(table: Locator): Promise<Array<{ text: string; pad: boolean; winner: boolean }>> {
  return table.locator('td').evaluateAll((cells) =>
    cells.map((td) => ({
      text: td.querySelector('.ins-num')?.textContent ?? '',
      pad: td.classList.contains('pad'),
      winner: td.classList.contains('winner'),
    })),
  );
}

function table(p: Page, name: string): Locator {
  return inspector(p).getByRole('table', { name, exact: true });
}

/** Σ = … on the equation line. */
async function writtenSum(p: Page): Promise<number> {
  const text = await inspector(p).innerText();
  const match = /Σ =\s*([−\d.]+)/.exec(text);
  if (!match) throw new Error(`no "Σ = …" in the inspector:\n${text}`);
  return parseNumber(match[1] as string);
}

/** The value after " = " in the summary line. */
async function summaryValue(p: Page): Promise<number> {
  const text = await summary(p).innerText();
  const match = / = ([−\d.]+)$/.exec(text.trim());
  if (!match) throw new Error(`no " = value" in the summary "${text}"`);
  return parseNumber(match[1] as string);
}

describe('the inspector on the default page (Fashion-MNIST ankle boot, Sobel x, SAME)', () => {
  beforeAll(async () => {
    ({ page } = await open());
  });

  it('says what to do when nothing is inspected', async () => {
    await expect.poll(() => inspector(page).innerText()).toMatch(/Point at any pixel of a feature map/);
    expect((await summary(page).innerText()).trim()).toBe('');
  });

  it('hovering Feature map 1 at row 10, column 19 writes out the sum with the real numbers', async () => {
    const [y, x] = [9, 18];
    await hover(page, 'Feature map 1', SIZE, y, x);
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 10, column 19 = /);

    const expected = at(reference.conv, y, x);
    // The reference really differs from 0 here, so the check below can fail.
    expect(Math.abs(expected)).toBeGreaterThan(1);
    expect(await summaryValue(page)).toBeCloseTo(expected, 1);
    expect(await writtenSum(page)).toBeCloseTo(expected, 1);

    // The window is rows 9–11, columns 18–20 (1-based) of the input: its luma values, Sobel x, the products.
    const inputs = await tableCells(table(page, 'Input'));
    const weights = await tableCells(table(page, 'Weights'));
    const products = await tableCells(table(page, 'Products'));
    expect(inputs).toHaveLength(9);
    inputs.forEach((cell, i) => {
      expect(cell.pad).toBe(false);
      expect(parseNumber(cell.text)).toBeCloseTo(luma(y - 1 + Math.floor(i / 3), x - 1 + (i % 3)), 1);
    });
    expect(weights.map((c) => parseNumber(c.text))).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    const productSum = products.reduce((s, c) => s + parseNumber(c.text), 0);
    expect(productSum).toBeCloseTo(expected, 1);
    await expect.poll(() => inspector(page).innerText()).toMatch(/\+ bias 0 =/);
    await expect
      .poll(() => inspector(page).innerText())
      .toMatch(/Receptive field: input rows 9 to 11, columns 18 to 20/);

    await screenshot(page, 'inspector-feature-pixel');
    await inspector(page).screenshot({ path: path.join(RESULTS_DIR, 'inspector-panel-feature.png') });
  });

  it('outlines the receptive field over the input image at the right place', async () => {
    await hover(page, 'Feature map 1', SIZE, 9, 18);
    const input = await canvas(page, 'Input image').boundingBox();
    const field = await page.locator('.receptive-field .rf-inside').boundingBox();
    if (!input || !field) throw new Error('no input canvas or no receptive field outline');
    // The image sits inside a 1px border; the field is rows 8..10, columns 17..19 (0-based) of 28.
    const cell = (input.width - 2) / SIZE;
    expect(field.x).toBeCloseTo(input.x + 1 + 17 * cell, 0);
    expect(field.y).toBeCloseTo(input.y + 1 + 8 * cell, 0);
    expect(field.width).toBeCloseTo(3 * cell, 0);
    expect(field.height).toBeCloseTo(3 * cell, 0);
    expect(await page.locator('.receptive-field .rf-padded').count()).toBe(0);
    expect(await page.locator('.receptive-field').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe(
      'none',
    );
  });

  it('a second pixel shows its own value, consistent with the reference', async () => {
    const [y, x] = [14, 20];
    await hover(page, 'Feature map 1', SIZE, y, x);
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 15, column 21 = /);
    expect(await summaryValue(page)).toBeCloseTo(at(reference.conv, y, x), 1);
    const products = await tableCells(table(page, 'Products'));
    expect(products.reduce((s, c) => s + parseNumber(c.text), 0)).toBeCloseTo(await writtenSum(page), 1);
  });

  it('the top-left corner shows its padded cells (zeros) and the field reaching past the image', async () => {
    await hover(page, 'Feature map 1', SIZE, 0, 0);
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 1, column 1 = /);
    const inputs = await tableCells(table(page, 'Input'));
    // Row 0 and column 0 (1-based) are padding: 5 of the 9 cells, all zeros.
    expect(inputs.map((c) => c.pad)).toEqual([true, true, true, true, false, false, true, false, false]);
    for (const cell of inputs.filter((c) => c.pad)) expect(parseNumber(cell.text)).toBe(0);
    await expect.poll(() => inspector(page).innerText()).toMatch(/5 of 9 cells are padding \(zeros\)/);
    expect(await summaryValue(page)).toBeCloseTo(at(reference.conv, 0, 0), 1);

    const input = await canvas(page, 'Input image').boundingBox();
    const padded = await page.locator('.receptive-field .rf-padded').boundingBox();
    if (!input || !padded) throw new Error('no dashed outline of the padded field');
    const cell = (input.width - 2) / SIZE;
    expect(padded.x).toBeCloseTo(input.x + 1 - cell, 0);
    expect(padded.y).toBeCloseTo(input.y + 1 - cell, 0);
    expect(padded.width).toBeCloseTo(3 * cell, 0);
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'inspector-field-corner.png'),
      clip: { x: input.x - 20, y: input.y - 20, width: input.width + 40, height: input.height + 40 },
    });
    await inspector(page).screenshot({ path: path.join(RESULTS_DIR, 'inspector-panel-corner.png') });
  });

  it('a pixel on the right edge reads one padded column and still has its real value', async () => {
    const [y, x] = [18, 27];
    await hover(page, 'Feature map 1', SIZE, y, x);
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 19, column 28 = /);
    const expected = at(reference.conv, y, x);
    expect(Math.abs(expected)).toBeGreaterThan(100);
    expect(await summaryValue(page)).toBeCloseTo(expected, 1);
    const inputs = await tableCells(table(page, 'Input'));
    expect(inputs.map((c) => c.pad)).toEqual([false, false, true, false, false, true, false, false, true]);
  });

  it('a max-pooling pixel names the winner of its window', async () => {
    const pooled = reference.maxpool.shape[0];
    // Find a window whose four values differ, so the winner is unambiguous.
    let target: [number, number] | null = null;
    for (let y = 0; y < pooled && !target; y++)
      for (let x = 0; x < pooled && !target; x++) {
        const values = [0, 1, 2, 3].map((i) => at(reference.conv, 2 * y + (i >> 1), 2 * x + (i & 1)));
        if (new Set(values.map((v) => v.toFixed(2))).size === 4 && Math.max(...values) > 5) target = [y, x];
      }
    if (!target) throw new Error('no window of four different values in the sample');
    const [y, x] = target;
    await hover(page, 'Max pooling 1', pooled, y, x);
    await expect
      .poll(() => summary(page).innerText(), POLL)
      .toMatch(new RegExp(`^Max pooling 1, row ${y + 1}, column ${x + 1} = `));
    const expected = at(reference.maxpool, y, x);
    expect(await summaryValue(page)).toBeCloseTo(expected, 1);

    const cells = await tableCells(table(page, 'Pool window values'));
    expect(cells).toHaveLength(4);
    const values = [0, 1, 2, 3].map((i) => at(reference.conv, 2 * y + (i >> 1), 2 * x + (i & 1)));
    cells.forEach((c, i) => expect(parseNumber(c.text)).toBeCloseTo(values[i] as number, 1));
    const best = values.indexOf(Math.max(...values));
    expect(cells.map((c) => c.winner)).toEqual([0, 1, 2, 3].map((i) => i === best));
    const text = await inspector(page).innerText();
    expect(text).toMatch(/max\(.+\) = /);
    expect(text).toContain(
      `the winner is row ${2 * y + (best >> 1) + 1}, column ${2 * x + (best & 1) + 1} of Feature map 1`,
    );
    await inspector(page).screenshot({ path: path.join(RESULTS_DIR, 'inspector-panel-maxpool.png') });

    // Its receptive field is the union of the four 3 × 3 fields: 4 × 4 input cells.
    const input = await canvas(page, 'Input image').boundingBox();
    const field = await page.locator('.receptive-field .rf-inside').boundingBox();
    if (!input || !field) throw new Error('no receptive field outline');
    const cell = (input.width - 2) / SIZE;
    expect(field.width).toBeCloseTo(4 * cell, 0);
  });

  it('an average-pooling pixel writes out what was averaged', async () => {
    const [y, x] = [6, 7];
    await hover(page, 'Average pooling 1', reference.avgpool.shape[0], y, x);
    await expect
      .poll(() => summary(page).innerText(), POLL)
      .toMatch(/^Average pooling 1, row 7, column 8 = /);
    expect(await summaryValue(page)).toBeCloseTo(at(reference.avgpool, y, x), 1);
    const text = await inspector(page).innerText();
    const match = /\(([^)]*)\) \/ 4 = ([−\d.]+)/.exec(text);
    if (!match) throw new Error(`no "(a + b + c + d) / 4 = …" in:\n${text}`);
    expect(parseNumber(match[2] as string)).toBeCloseTo(at(reference.avgpool, y, x), 1);
  });

  it('clicking pins a pixel: moving away and leaving keep it; Clear clears it', async () => {
    await hover(page, 'Feature map 1', SIZE, 10, 10);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => inspector(page).innerText()).toMatch(/pinned/);
    await hover(page, 'Feature map 1', SIZE, 20, 3);
    await page.mouse.move(5, 5);
    expect(await summary(page).innerText()).toMatch(/^Feature map 1, row 11, column 11 = /);
    await inspector(page).getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => summary(page).innerText(), POLL).toBe('');
  });

  it('works from the keyboard: focus a map, arrows move, Enter pins, Escape clears', async () => {
    await page.mouse.move(5, 5);
    const map = canvas(page, 'Feature map 1');
    expect(await map.getAttribute('tabindex')).toBe('0');
    await map.focus();
    await map.press('Home');
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 1, column 1 = /);
    await map.press('ArrowRight');
    await map.press('ArrowRight');
    await map.press('ArrowDown');
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 2, column 3 = /);
    expect(await summaryValue(page)).toBeCloseTo(at(reference.conv, 1, 2), 1);
    await map.press('Shift+ArrowDown');
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 7, column 3 = /);
    // A keyboard probe is pinned: Enter unpins, Enter pins again.
    await expect.poll(() => inspector(page).innerText()).toMatch(/pinned/);
    await map.press('Enter');
    await expect.poll(() => inspector(page).innerText()).not.toMatch(/pinned/);
    await map.press('Enter');
    await expect.poll(() => inspector(page).innerText()).toMatch(/pinned/);
    await map.press('Escape');
    await expect.poll(() => summary(page).innerText(), POLL).toBe('');
    expect(await page.locator('.receptive-field').count()).toBe(0);
    // Tab reaches the next map canvas (past the figure's buttons, if any) and the probe follows it.
    let focused: string | null | undefined = null;
    for (let i = 0; i < 12 && focused !== 'Max pooling 1'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    }
    expect(focused).toBe('Max pooling 1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Max pooling 1, row 1, column [12] = /);
    await page.keyboard.press('Escape');
  });

  it('speaks Korean: 수용 영역, 곱, 편향', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ko');
    const region = page.getByRole('region', { name: '계산 살펴보기', exact: true });
    await expect.poll(() => region.count()).toBe(1);
    // The canvases are named in Korean too.
    await hover(page, '특성 맵 1', SIZE, 9, 18);
    await expect
      .poll(() => region.locator('[aria-live="polite"]').innerText(), POLL)
      .toMatch(/^특성 맵 1, 10행 19열 = /);
    const text = await region.innerText();
    expect(text).toContain('수용 영역');
    expect(text).toContain('곱');
    expect(text).toContain('편향');
    expect(text).toContain('가중치');
    await region.screenshot({ path: path.join(RESULTS_DIR, 'inspector-panel-ko.png') });
    await hover(page, '최대 풀링 1', reference.maxpool.shape[0], 5, 8);
    await expect.poll(() => region.innerText()).toMatch(/최댓값은 특성 맵 1의 \d+행 \d+열/);
    await page.getByRole('combobox', { name: '언어', exact: true }).selectOption('en');
    await page.mouse.move(5, 5);
  });
});

describe('the inspector on an RGB layer with ReLU and reflect padding', () => {
  // A 3-D filter (kh x kw x 3) over R, G, B with a bias, ReLU, reflect padding: set through the share link.
  const SPEC = {
    channels: 'rgb',
    filters: [
      {
        weights: [
          [
            [1, 0, -1],
            [0.5, -0.5, 0],
            [-1, 1, 0.25],
          ],
          [
            [-2, 0.5, 1],
            [1, 1, -1],
            [0, -0.5, 0.5],
          ],
          [
            [0.25, -1, 0],
            [-1, 2, 0.5],
            [1, 0, -0.25],
          ],
        ],
        bias: -7.5,
      },
    ],
    padMode: 'reflect',
    activation: 'relu',
  };
  const [H, W] = [8, 10];
  const pixel = (x: number, y: number): [number, number, number] => [
    (x * 29 + y * 7) % 256,
    (x * 5 + y * 31 + 40) % 256,
    (x * x * 3 + y * 11 + 90) % 256,
  ];
  const rgb = {
    shape: [H, W, 3] as [number, number, number],
    data: Array.from({ length: H * W }, (_, i) => pixel(i % W, Math.floor(i / W))).flat(),
  };
  const ref = referenceLayer(rgb, parseSpec(SPEC));

  beforeAll(async () => {
    ({ page } = await open({ hash: `#spec=${encodeURIComponent(JSON.stringify(SPEC))}` }));
    await redrawAfter(page, () => chooseFile(page, pngFile('rgb.png', W, H, pixel)), 'choosing an RGB PNG');
  });

  it('writes one window per channel (R, G, B) and their sums; the corner reads reflected pixels', async () => {
    await hover(page, 'Feature map 1', [H, W], 0, 0);
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 1, column 1 = /);
    expect(await summaryValue(page)).toBeCloseTo(at(ref.conv, 0, 0), 1);
    const text = await inspector(page).innerText();
    for (const channel of ['R', 'G', 'B']) expect(text).toMatch(new RegExp(`Σ ${channel} = [−\\d.]+`));
    expect(text).toMatch(/5 of 9 cells are padding \(reflect/);
    // Reflect: row -1 reads row 1, column -1 reads column 1 (0-based), no zeros.
    const red = await tableCells(table(page, 'Input R'));
    expect(red.map((c) => c.pad)).toEqual([true, true, true, true, false, false, true, false, false]);
    const source = [1, 0, 1];
    red.forEach((cell, i) => {
      const y = source[Math.floor(i / 3)] as number;
      const x = source[i % 3] as number;
      expect(parseNumber(cell.text), `Input R cell ${i}`).toBe(pixel(x, y)[0]);
    });
    const blue = await tableCells(table(page, 'Input B'));
    expect(parseNumber(blue[4]?.text ?? '')).toBe(pixel(0, 0)[2]);
    await inspector(page).screenshot({ path: path.join(RESULTS_DIR, 'inspector-panel-rgb.png') });
  });

  it('ReLU: a negative sum shows as 0 after the activation, and as itself before it', async () => {
    let target: [number, number] | null = null;
    for (let i = 0; i < H * W && !target; i++) {
      if ((ref.preActivation.data[i] as number) < -5) target = [Math.floor(i / W), i % W];
    }
    if (!target) throw new Error('no negative pre-activation value in this image');
    const [y, x] = target;
    await hover(page, 'Feature map 1', [H, W], y, x);
    await expect
      .poll(() => summary(page).innerText(), POLL)
      .toMatch(new RegExp(`^Feature map 1, row ${y + 1}, column ${x + 1} = 0$`));
    const text = await inspector(page).innerText();
    expect(text).toMatch(/\+ bias −7\.5 = −[\d.]+/);
    expect(text).toMatch(/ReLU → 0/);
    await hover(page, 'Before activation 1', [H, W], y, x);
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Before activation 1, row/);
    expect(await summaryValue(page)).toBeCloseTo(at(ref.preActivation, y, x), 1);
  });

  it('a pinned pixel is clamped to the smaller map when the stride grows', async () => {
    await hover(page, 'Feature map 1', [H, W], H - 1, W - 1);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 8, column 10 = /);
    await redrawAfter(
      page,
      () => typeInto(page.getByRole('spinbutton', { name: 'Stride', exact: true }), '2'),
      'typing 2 into Stride',
    );
    // 8 x 10 with stride 2 and SAME padding: 4 x 5.
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 4, column 5 = /);
    const strided = referenceLayer(rgb, parseSpec({ ...SPEC, stride: [2, 2] }));
    expect(await summaryValue(page)).toBeCloseTo(at(strided.conv, 3, 4), 1);
    await inspector(page).getByRole('button', { name: 'Clear', exact: true }).click();
  });
});

describe('the inspector with a dilated kernel and SAME pooling', () => {
  const SPEC = { dilation: [2, 2], pool: { size: [3, 3], stride: [3, 3], padding: 'same' } };
  const ref = referenceLayer(image, parseSpec(SPEC));

  beforeAll(async () => {
    ({ page } = await open({ hash: `#spec=${encodeURIComponent(JSON.stringify(SPEC))}` }));
  });

  it('marks each of the 9 taps, two input pixels apart, over the input', async () => {
    const [y, x] = [12, 14];
    await hover(page, 'Feature map 1', SIZE, y, x);
    await expect.poll(() => summary(page).innerText(), POLL).toMatch(/^Feature map 1, row 13, column 15 = /);
    expect(await summaryValue(page)).toBeCloseTo(at(ref.conv, y, x), 1);
    await expect.poll(() => inspector(page).innerText()).toMatch(/dilation 2 × 2/);
    const input = await canvas(page, 'Input image').boundingBox();
    const taps = await page.locator('.receptive-field .rf-tap').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y };
      }),
    );
    if (!input) throw new Error('no input canvas');
    expect(taps).toHaveLength(9);
    const cell = (input.width - 2) / SIZE;
    // SAME with an effective 5 x 5 kernel: 2 pixels of padding, so the taps start at (y - 2, x - 2).
    taps.forEach((tap, i) => {
      expect(tap.x).toBeCloseTo(input.x + 1 + (x - 2 + 2 * (i % 3)) * cell, 0);
      expect(tap.y).toBeCloseTo(input.y + 1 + (y - 2 + 2 * Math.floor(i / 3)) * cell, 0);
    });
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'inspector-field-dilated.png'),
      clip: { x: input.x - 20, y: input.y - 20, width: input.width + 40, height: input.height + 40 },
    });
  });

  it('a SAME pool window at the edge ignores its padding cells', async () => {
    // 28 x 28 pooled 3 x 3 stride 3 SAME: 10 x 10, total padding 2 (1 before, 1 after).
    const pooled = ref.maxpool.shape[0];
    expect(pooled).toBe(10);
    await hover(page, 'Average pooling 1', pooled, 5, 9);
    await expect
      .poll(() => summary(page).innerText(), POLL)
      .toMatch(/^Average pooling 1, row 6, column 10 = /);
    const expected = at(ref.avgpool, 5, 9);
    expect(Math.abs(expected)).toBeGreaterThan(10);
    expect(await summaryValue(page)).toBeCloseTo(expected, 1);
    // Rows 14..16 and columns 26..28 (0-based) of the 28 x 28 map: column 28 is pool padding.
    const cells = await tableCells(table(page, 'Pool window values'));
    expect(cells.map((c) => c.pad)).toEqual([false, false, true, false, false, true, false, false, true]);
    cells
      .filter((c) => !c.pad)
      .forEach((c, i) =>
        expect(parseNumber(c.text)).toBeCloseTo(at(ref.conv, 14 + (i >> 1), 26 + (i & 1)), 1),
      );
    await expect
      .poll(() => inspector(page).innerText())
      .toMatch(/Window of Feature map 1: rows 15 to 17, columns 27 to 28/);
    const text = await inspector(page).innerText();
    expect(text).toMatch(/3 cells of pool padding ignored/);
    expect(text).toMatch(/\) \/ 6 = /);
    await inspector(page).screenshot({ path: path.join(RESULTS_DIR, 'inspector-panel-avgpool-same.png') });
  });
});

describe('the inspector on a layer-3 pixel: a sum over its 8 input maps', () => {
  const SOBEL_Y = [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ];
  const LAPLACE = [
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ];
  const NET = {
    layers: [
      { filters: [{ weights: defaultSpec().filters[0]?.weights }, { weights: SOBEL_Y }], activation: 'relu' },
      {
        filters: Array.from({ length: 8 }, (_, i) => ({ weights: i % 2 ? SOBEL_Y : LAPLACE, bias: i })),
        activation: 'relu',
      },
      { filters: [{ weights: SOBEL_Y, bias: 5 }], activation: 'none' },
    ],
  };
  const ref = referenceNetwork(image, parseNetwork(NET).layers);
  /** Layer 2's max pooling (7 × 7 × 8), what layer 3 reads. */
  const fed = ref[1]!.maxpool;
  const fedAt = (y: number, x: number, m: number): number =>
    y < 0 || y >= 7 || x < 0 || x >= 7 ? 0 : (fed.data[(y * 7 + x) * 8 + m] as number);
  /** Map m's partial sum at layer-3 pixel (y, x): Sobel y over its 3 × 3 SAME window, written out here. */
  const partial = (y: number, x: number, m: number): number =>
    SOBEL_Y.flat().reduce((acc, w, i) => acc + w * fedAt(y - 1 + Math.floor(i / 3), x - 1 + (i % 3), m), 0);
  const near = (actual: number, expected: number) =>
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.5 + 1e-4 * Math.abs(expected));

  beforeAll(async () => {
    // On wasm: the numbers do not depend on the backend, and SwiftShader takes long to first draw 48 maps.
    ({ page } = await open({
      query: backendQuery('wasm'),
      hash: `#spec=${encodeURIComponent(JSON.stringify(NET))}`,
    }));
  });

  it('names the layer, lists the 8 partial sums, adds them up with the bias, traces 18 × 18', async () => {
    const [y, x] = [3, 3];
    // By keyboard (Home, then 3 down and 3 right, pinned): a pointer could miss while SwiftShader is
    // still drawing the deeper maps and their legends, which moves them.
    const layer3 = canvas(page, 'Layer 3 feature map 1');
    await layer3.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
    }
    await expect
      .poll(() => summary(page).innerText(), { timeout: 30_000 })
      .toMatch(/^Layer 3, feature map 1, row 4, column 4 = /);
    const pre = ref[2]!.preActivation.data[y * 7 + x] as number;
    await expect.poll(() => inspector(page).innerText(), POLL).toMatch(/\+ bias 5 = /);
    near(await summaryValue(page), pre);
    const text = await inspector(page).innerText();
    expect(text).toMatch(/Filter 1 \(3 × 3 × 8\) over the 8 input maps from layer 2's max pooling, summed/);
    expect(text).toMatch(/Receptive field on the image: rows 6 to 23, columns 6 to 23/);
    // One button per input map, named with its partial sum; they add up, with the bias 5, to the value.
    const buttons = inspector(page).getByRole('button', { name: /^Input map \d+: Σ = / });
    const names = await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(names).toHaveLength(8);
    const sums = names.map((name) => parseNumber(name.replace(/^Input map \d+: Σ = /, '')));
    sums.forEach((sum, m) => near(sum, partial(y, x, m)));
    expect(sums.some((sum) => Math.abs(sum) > 10)).toBe(true);
    near(sums.reduce((a, b) => a + b, 0) + 5, pre);
    // Map 3's taps on demand: its 3 × 3 window of layer 2's max pooling 3.
    await inspector(page)
      .getByRole('button', { name: /^Input map 3: / })
      .click();
    const cells = await tableCells(table(page, 'Input map 3'));
    expect(cells.map((c) => parseNumber(c.text))).toEqual(
      Array.from({ length: 9 }, (_, i) =>
        expect.closeTo(fedAt(y - 1 + Math.floor(i / 3), x - 1 + (i % 3), 2), 1),
      ),
    );
    const field = page.locator('.receptive-field');
    expect(await field.evaluate((el) => el.getAttribute('data-height'))).toBe('18');
    await inspector(page).screenshot({ path: path.join(RESULTS_DIR, 'inspector-panel-layer3.png') });
  });
});
