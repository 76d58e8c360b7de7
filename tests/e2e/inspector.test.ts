/**
 * The inspector (issue 3): hover, click or choose by keyboard an output pixel; the panel "Inspector" writes
 * its computation out with the real numbers and the receptive field is outlined over the input.
 *
 * The default page shows the Fashion-MNIST ankle boot (public/samples/fashion-mnist-9.png, 28 × 28) through
 * Sobel x with SAME padding and 2 × 2 pooling. The expected numbers come from the same PNG read with pngjs
 * and run through the independent plain-loop reference (tests/reference/convLoop.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSpec } from '../../src/core/spec.ts';
import { referenceLayer, type HwcArray, type ReferenceOutputs } from '../reference/convLoop.ts';
import { canvas, REPO_ROOT, RESULTS_DIR, screenshot, useBrowser } from './support.ts';

const { open } = useBrowser();
let page: Page;

const SIZE = 28;

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

/** Moves the mouse over the centre of pixel (y, x) of the canvas `name` of a `size` × `size` map. */
async function hover(p: Page, name: string, size: number, y: number, x: number): Promise<void> {
  const box = await canvas(p, name).boundingBox();
  if (!box) throw new Error(`canvas "${name}" is not visible`);
  await p.mouse.move(box.x + ((x + 0.5) / size) * box.width, box.y + ((y + 0.5) / size) * box.height);
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
    await expect.poll(() => summary(page).innerText()).toMatch(/^Feature map 1, row 10, column 19 = /);

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
      .toMatch(/Receptive field: input rows 9–11, columns 18–20/);

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
    await expect.poll(() => summary(page).innerText()).toMatch(/^Feature map 1, row 15, column 21 = /);
    expect(await summaryValue(page)).toBeCloseTo(at(reference.conv, y, x), 1);
    const products = await tableCells(table(page, 'Products'));
    expect(products.reduce((s, c) => s + parseNumber(c.text), 0)).toBeCloseTo(await writtenSum(page), 1);
  });

  it('the top-left corner shows its padded cells (zeros) and the field reaching past the image', async () => {
    await hover(page, 'Feature map 1', SIZE, 0, 0);
    await expect.poll(() => summary(page).innerText()).toMatch(/^Feature map 1, row 1, column 1 = /);
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
    await expect.poll(() => summary(page).innerText()).toMatch(/^Feature map 1, row 19, column 28 = /);
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
      .poll(() => summary(page).innerText())
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
    await expect.poll(() => summary(page).innerText()).toMatch(/^Average pooling 1, row 7, column 8 = /);
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
    await expect.poll(() => summary(page).innerText()).toBe('');
  });

  it('works from the keyboard: focus a map, arrows move, Enter pins, Escape clears', async () => {
    await page.mouse.move(5, 5);
    const map = canvas(page, 'Feature map 1');
    expect(await map.getAttribute('tabindex')).toBe('0');
    await map.focus();
    await map.press('Home');
    await expect.poll(() => summary(page).innerText()).toMatch(/^Feature map 1, row 1, column 1 = /);
    await map.press('ArrowRight');
    await map.press('ArrowRight');
    await map.press('ArrowDown');
    await expect.poll(() => summary(page).innerText()).toMatch(/^Feature map 1, row 2, column 3 = /);
    expect(await summaryValue(page)).toBeCloseTo(at(reference.conv, 1, 2), 1);
    await map.press('Shift+ArrowDown');
    await expect.poll(() => summary(page).innerText()).toMatch(/^Feature map 1, row 7, column 3 = /);
    // A keyboard probe is pinned: Enter unpins, Enter pins again.
    await expect.poll(() => inspector(page).innerText()).toMatch(/pinned/);
    await map.press('Enter');
    await expect.poll(() => inspector(page).innerText()).not.toMatch(/pinned/);
    await map.press('Enter');
    await expect.poll(() => inspector(page).innerText()).toMatch(/pinned/);
    await map.press('Escape');
    await expect.poll(() => summary(page).innerText()).toBe('');
    expect(await page.locator('.receptive-field').count()).toBe(0);
    // Tab reaches the next map canvas (past the figure's buttons, if any) and the probe follows it.
    let focused: string | null | undefined = null;
    for (let i = 0; i < 12 && focused !== 'Max pooling 1'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    }
    expect(focused).toBe('Max pooling 1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => summary(page).innerText()).toMatch(/^Max pooling 1, row 1, column [12] = /);
    await page.keyboard.press('Escape');
  });

  it('speaks Korean: 수용 영역, 곱, 편향', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ko');
    const region = page.getByRole('region', { name: '계산 살펴보기', exact: true });
    await expect.poll(() => region.count()).toBe(1);
    // The canvases are named in Korean too.
    await hover(page, '특성 맵 1', SIZE, 9, 18);
    await expect
      .poll(() => region.locator('[aria-live="polite"]').innerText())
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
