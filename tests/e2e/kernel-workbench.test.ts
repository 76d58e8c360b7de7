/**
 * The kernel workbench as a person uses it: arrow keys between cells, typing fractions, dragging a cell
 * like a knob, kernel operations, resizing, several filters, bias, flip, the RGB slices, presets (the
 * Gaussian with its σ), saved kernels, and the Korean labels. Values are checked in the cells and in the
 * spec the page writes into its share link; maps are checked by their pixels.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scene } from './fixtures.ts';
import {
  alertText,
  canvas,
  chooseFile,
  differingPixels,
  expectShape,
  kernelCell,
  openSection,
  readCanvas,
  redrawAfter,
  RESULTS_DIR,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

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

interface Filter {
  weights: number[][] | number[][][];
  bias?: number;
}

function link(spec: object): string {
  return `#spec=${encodeURIComponent(JSON.stringify(spec))}&lang=en`;
}

async function openWithScene(hash?: string): Promise<Page> {
  const { page } = await open(hash ? { hash } : {});
  await redrawAfter(page, () => chooseFile(page, scene('scene.png', 48, 40)), 'choosing scene.png');
  return page;
}

/** The spec's filters as the page wrote them into its share link (the default when none is written). */
async function filtersOf(page: Page): Promise<Filter[]> {
  const hash = await page.evaluate(() => location.hash);
  const part = hash
    .slice(1)
    .split('&')
    .find((p) => p.startsWith('spec='));
  if (!part) return [{ weights: SOBEL_X, bias: 0 }];
  const spec = JSON.parse(decodeURIComponent(part.slice(5))) as { filters?: Filter[] };
  return (spec.filters ?? [{ weights: SOBEL_X, bias: 0 }]).map((f) => ({ ...f, bias: f.bias ?? 0 }));
}

async function weightsOf(page: Page, filter = 1): Promise<number[][] | number[][][]> {
  const f = (await filtersOf(page))[filter - 1];
  if (!f) throw new Error(`the spec has no filter ${filter}`);
  return f.weights;
}

/** The numbers shown in filter `filter`'s cells, row by row. */
async function cells(page: Page, filter: number, rows: number, cols: number): Promise<number[][]> {
  const out: number[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: number[] = [];
    for (let c = 1; c <= cols; c++) row.push(Number(await kernelCell(page, filter, r, c).inputValue()));
    out.push(row);
  }
  return out;
}

async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
}

/** The kernel editor's panel. */
function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Filter (kernel)', exact: true });
}

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

function spin(page: Page, name: string): Locator {
  return page.getByRole('spinbutton', { name, exact: true });
}

async function choosePreset(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Kernel preset', exact: true }).selectOption({ label });
}

async function presetShown(page: Page): Promise<string> {
  return page
    .getByRole('combobox', { name: 'Kernel preset', exact: true })
    .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
}

/** Sets a spinbutton by typing and Enter. */
async function setNumber(field: Locator, value: number): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(String(value));
  await field.press('Enter');
}

/** Waits until the share link shows filter 1 with `expected` weights. */
async function expectWeights(page: Page, expected: unknown, filter = 1): Promise<void> {
  await expect.poll(() => weightsOf(page, filter), { timeout: 10_000 }).toEqual(expected);
}

describe('the kernel workbench', () => {
  it('arrow keys move between cells; typing replaces the text; 1/9 is parsed; Enter and Tab commit', async () => {
    const page = await openWithScene();
    await kernelCell(page, 1, 1, 1).click();
    expect(await focusedName(page)).toBe('Filter 1 row 1 column 1');
    for (const [key, name] of [
      ['ArrowRight', 'Filter 1 row 1 column 2'],
      ['ArrowDown', 'Filter 1 row 2 column 2'],
      ['ArrowDown', 'Filter 1 row 3 column 2'],
      ['ArrowDown', 'Filter 1 row 3 column 2'], // stays at the edge
      ['ArrowLeft', 'Filter 1 row 3 column 1'],
      ['ArrowUp', 'Filter 1 row 2 column 1'],
      ['ArrowRight', 'Filter 1 row 2 column 2'],
    ] as const) {
      await page.keyboard.press(key);
      expect(await focusedName(page), `after ${key}`).toBe(name);
    }
    // The centre holds 0; typing replaces the selected text, so "1/9" does not become "01/9".
    const before = await readCanvas(page, 'Feature map 1');
    await redrawAfter(page, () => page.keyboard.type('1/9'), 'typing 1/9');
    expect(await kernelCell(page, 1, 2, 2).inputValue()).toBe('1/9');
    await page.keyboard.press('Enter');
    expect(await kernelCell(page, 1, 2, 2).inputValue()).toBe('0.111');
    expect((await weightsOf(page))[1]?.[1]).toBeCloseTo(1 / 9, 12);
    expect(differingPixels(before, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
    // Typing right after Enter replaces the whole text again; Tab commits and moves on.
    await page.keyboard.type('2*3');
    await page.keyboard.press('Tab');
    expect(await kernelCell(page, 1, 2, 2).inputValue()).toBe('6');
    expect(await focusedName(page)).toBe('Filter 1 row 2 column 3');
    await expectWeights(page, [
      [-1, 0, 1],
      [-2, 6, 2],
      [-1, 0, 1],
    ]);
  });

  it('an invalid cell is marked and explained, and the weight from before the typing stays in effect', async () => {
    const page = await openWithScene();
    const cell = kernelCell(page, 1, 2, 1);
    await cell.click();
    await page.keyboard.type('-3');
    await expectWeights(page, [
      [-1, 0, 1],
      [-3, 0, 2],
      [-1, 0, 1],
    ]);
    await page.keyboard.type('x');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await cell.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const explanation = await page.locator(`[id="${describedBy}"]`).innerText();
    expect(explanation).toMatch(
      /Row 2, column 1: “-3x” is not a number a filter can hold .*; -2, the value before, is still used/,
    );
    // The valid prefix "-3" typed on the way is not kept: only what the final text means counts.
    await expectWeights(page, [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ]);
    await page.keyboard.press('Tab'); // leaving keeps the invalid text marked
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect((await weightsOf(page))[1]?.[0]).toBe(-2);
    // Escape in the cell brings back the value in effect.
    await cell.click();
    await page.keyboard.press('Escape');
    expect(await cell.inputValue()).toBe('-2');
    expect(await cell.getAttribute('aria-invalid')).toBeNull();
  });

  it('typing 1e309, 1/0, 0x10, 1_000 or 1e39 key by key keeps no valid prefix typed on the way', async () => {
    const page = await openWithScene();
    const cell = kernelCell(page, 1, 2, 2);
    for (const text of ['1e309', '1/0', '0x10', '1_000', '1e39']) {
      await cell.click(); // focus selects the text: typing replaces it
      await page.keyboard.type(text, { delay: 20 });
      expect(await cell.getAttribute('aria-invalid'), text).toBe('true');
      await page.keyboard.press('Enter'); // Enter does not commit an invalid text either
      await expectWeights(page, [
        [-1, 0, 1],
        [-2, 0, 2],
        [-1, 0, 1],
      ]);
      await page.keyboard.press('Escape');
      expect(await cell.inputValue(), text).toBe('0');
    }
    expect(await alertText(page)).toBe('');
  });

  it('dragging a cell up or down scrubs its value live (4 px a step; Shift for 0.1); a click still focuses', async () => {
    const page = await openWithScene();
    const cell = kernelCell(page, 1, 2, 2);
    // The introduction above may push the grid below the fold: the mouse only reaches what is on screen.
    await cell.scrollIntoViewIfNeeded();
    const box = await cell.boundingBox();
    if (!box) throw new Error('no box for the centre cell');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const before = await readCanvas(page, 'Feature map 1');
    await redrawAfter(
      page,
      async () => {
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let dy = 2; dy <= 20; dy += 2) await page.mouse.move(x, y - dy);
        // Live: the value changed before the button is released.
        await expect.poll(() => cell.inputValue()).toBe('5');
        await page.mouse.up();
      },
      'dragging the centre cell up by 20 px',
    );
    expect(await cell.inputValue()).toBe('5');
    await expectWeights(page, [
      [-1, 0, 1],
      [-2, 5, 2],
      [-1, 0, 1],
    ]);
    expect(differingPixels(before, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
    expect(await focusedName(page), 'a drag does not leave the cell in text editing').not.toBe(
      'Filter 1 row 2 column 2',
    );

    // Down with Shift: 12 px = 3 fine steps of 0.1.
    const box2 = await cell.boundingBox();
    if (!box2) throw new Error('no box for the centre cell');
    const [x2, y2] = [box2.x + box2.width / 2, box2.y + box2.height / 2];
    await page.keyboard.down('Shift');
    await page.mouse.move(x2, y2);
    await page.mouse.down();
    for (let dy = 2; dy <= 12; dy += 2) await page.mouse.move(x2, y2 + dy);
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => cell.inputValue()).toBe('4.7');
    expect((await weightsOf(page))[1]?.[1]).toBe(4.7);

    // A plain click focuses with the text selected: typing replaces it.
    await kernelCell(page, 1, 1, 1).click();
    expect(await focusedName(page)).toBe('Filter 1 row 1 column 1');
    await page.keyboard.type('8');
    await expect.poll(() => kernelCell(page, 1, 1, 1).inputValue()).toBe('8');
    expect((await weightsOf(page))[0]?.[0]).toBe(8);
  });

  it('kernel operations: transpose, negate, rotate, normalise, divide by count, randomize, reset', async () => {
    const page = await openWithScene();
    await openSection(page, 'Filter tools');
    // Sobel x sums to 0: normalising by the sum is offered but disabled, and says why.
    const byS = button(page, 'Normalize by sum');
    expect(await byS.isDisabled()).toBe(true);
    const why = await byS.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${why}"]`).innerText()).toMatch(/add up to 0/);

    await redrawAfter(page, () => button(page, 'Transpose').click(), 'Transpose');
    expect(await cells(page, 1, 3, 3)).toEqual(SOBEL_Y);
    expect(await presetShown(page)).toBe('Sobel y');

    await button(page, 'Negate').click();
    expect(await cells(page, 1, 3, 3)).toEqual(SOBEL_Y.map((r) => r.map((v) => -v + 0)));

    await button(page, 'Rotate 90°').click();
    // Negated Sobel y turned clockwise is Sobel x.
    expect(await cells(page, 1, 3, 3)).toEqual(SOBEL_X);
    expect(await presetShown(page)).toBe('Sobel x');

    await button(page, 'Reset to identity').click();
    expect(await cells(page, 1, 3, 3)).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(await presetShown(page)).toBe('Identity');

    const centre = kernelCell(page, 1, 2, 2);
    await centre.click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await kernelCell(page, 1, 1, 1).click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    expect(await byS.isDisabled()).toBe(false);
    await byS.click();
    await expectWeights(page, [
      [0.5, 0, 0],
      [0, 0.5, 0],
      [0, 0, 0],
    ]);
    expect(await page.getByText('Sum of the weights: 1', { exact: true }).count()).toBe(1);

    // Nine 1s divided by the cell count is the 3 × 3 box blur (1/9 each).
    for (let r = 1; r <= 3; r++)
      for (let c = 1; c <= 3; c++) {
        await kernelCell(page, 1, r, c).click();
        await page.keyboard.type('1');
      }
    await page.keyboard.press('Enter');
    await button(page, 'Divide by cell count').click();
    expect(await presetShown(page)).toBe('Box blur');
    expect(await cells(page, 1, 3, 3)).toEqual(Array.from({ length: 3 }, () => [0.111, 0.111, 0.111]));

    const before = await readCanvas(page, 'Feature map 1');
    await redrawAfter(page, () => button(page, 'Randomize').click(), 'Randomize');
    const random = (await weightsOf(page)) as number[][];
    expect(
      random.flat().every((v) => v >= -1 && v <= 1 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9),
    ).toBe(true);
    expect(await presetShown(page)).toBe('Custom');
    expect(differingPixels(before, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
  });

  it('resizing keeps the values around the centre, for square and non-square kernels', async () => {
    const page = await openWithScene();
    const rows = spin(page, 'Kernel rows');
    const cols = spin(page, 'Kernel columns');
    expect(await rows.inputValue()).toBe('3');
    await redrawAfter(page, () => setNumber(rows, 5), 'rows 5');
    await redrawAfter(page, () => setNumber(cols, 5), 'columns 5');
    expect(await cells(page, 1, 5, 5)).toEqual([
      [0, 0, 0, 0, 0],
      [0, -1, 0, 1, 0],
      [0, -2, 0, 2, 0],
      [0, -1, 0, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
    await expectShape(page, 'Filter 1', '5 × 5');
    // Arrow keys on the spinbutton step the size at once.
    await rows.focus();
    await redrawAfter(page, () => rows.press('ArrowDown'), 'rows 4');
    await redrawAfter(page, () => rows.press('ArrowDown'), 'rows 3');
    await redrawAfter(page, () => setNumber(cols, 3), 'columns 3');
    expect(await cells(page, 1, 3, 3)).toEqual(SOBEL_X);
    expect(await presetShown(page)).toBe('Sobel x');
    await redrawAfter(page, () => setNumber(rows, 1), 'rows 1');
    await expectWeights(page, [[-2, 0, 2]]);
    await expectShape(page, 'Filter 1', '1 × 3');
    // 11 × 11 is the largest; 12 is not taken.
    await redrawAfter(page, () => setNumber(rows, 11), 'rows 11');
    await redrawAfter(page, () => setNumber(cols, 11), 'columns 11');
    expect(await kernelCell(page, 1, 11, 11).count()).toBe(1);
    expect((await weightsOf(page))[5]).toEqual([0, 0, 0, 0, -2, 0, 2, 0, 0, 0, 0]);
    await setNumber(cols, 12);
    expect((await weightsOf(page))[0]).toHaveLength(11);
    await page.screenshot({ path: `${RESULTS_DIR}/kernel-11x11.png` });
    await panel(page).screenshot({ path: `${RESULTS_DIR}/kernel-panel-11x11.png` });
  });

  it('several filters: add, duplicate, remove give one feature map each; Sobel x + y pair', async () => {
    const page = await openWithScene();
    const tabs = page.getByRole('tablist', { name: 'Filters' });
    await redrawAfter(page, () => button(page, 'Add filter').click(), 'Add filter');
    expect(await canvas(page, 'Feature map 2').count()).toBe(1);
    expect(await tabs.getByRole('tab', { name: 'Filter 2', exact: true }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await cells(page, 2, 3, 3)).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    // The new filter is the identity: its map differs from Sobel x's.
    expect(
      differingPixels(await readCanvas(page, 'Feature map 1'), await readCanvas(page, 'Feature map 2')),
    ).toBeGreaterThan(0);

    await redrawAfter(page, () => button(page, 'Duplicate filter 2').click(), 'Duplicate');
    expect(await canvas(page, 'Feature map 3').count()).toBe(1);
    expect(await tabs.getByRole('tab').count()).toBe(3);

    // Tabs: arrow keys select another filter.
    await tabs.getByRole('tab', { name: 'Filter 3', exact: true }).focus();
    await page.keyboard.press('Home');
    expect(await tabs.getByRole('tab', { name: 'Filter 1', exact: true }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await kernelCell(page, 1, 2, 1).inputValue()).toBe('-2');

    await redrawAfter(page, () => button(page, 'Remove filter 1').click(), 'Remove filter 1');
    await expect.poll(() => canvas(page, 'Feature map 3').count()).toBe(0);
    expect(await canvas(page, 'Feature map 2').count()).toBe(1);
    expect((await filtersOf(page)).map((f) => f.weights)).toHaveLength(2);

    // Up to 8 filters (and more) from the page.
    for (let i = 3; i <= 8; i++) await button(page, 'Add filter').click();
    await expect.poll(() => canvas(page, 'Feature map 8').count(), { timeout: 30_000 }).toBe(1);
    await panel(page).screenshot({ path: `${RESULTS_DIR}/kernel-panel-filters.png` });
    for (let i = 8; i > 1; i--) await button(page, `Remove filter ${Math.min(i, 8)}`).click();
    await expect.poll(() => canvas(page, 'Feature map 2').count(), { timeout: 30_000 }).toBe(0);
    expect(await button(page, 'Remove filter 1').isDisabled()).toBe(true);

    await redrawAfter(page, () => button(page, 'Sobel x + y pair').click(), 'Sobel pair');
    expect((await filtersOf(page)).map((f) => f.weights)).toEqual([SOBEL_X, SOBEL_Y]);
    expect(await canvas(page, 'Feature map 2').count()).toBe(1);
  });

  it('the bias of a filter shifts its feature map', async () => {
    const page = await openWithScene();
    await openSection(page, 'Filter tools');
    const bias = spin(page, 'Bias of filter 1');
    expect(await bias.inputValue()).toBe('0');
    const before = await readCanvas(page, 'Feature map 1');
    await redrawAfter(page, () => setNumber(bias, 200), 'bias 200');
    expect((await filtersOf(page))[0]?.bias).toBe(200);
    expect(differingPixels(before, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
    // Typing 1e39 key by key passes 1e3; beyond float32 at the end, the bias goes back to 200.
    await bias.fill('');
    await bias.pressSequentially('1e39', { delay: 20 });
    expect(await bias.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(async () => (await filtersOf(page))[0]?.bias).toBe(200);
  });

  it('flip: an asymmetric kernel gives another map and shows the kernel turned 180°; a symmetric one does not change', async () => {
    const corner = [
      [2, 0, 0],
      [0, 0, 0],
      [0, 0, -1],
    ];
    const page = await openWithScene(link({ filters: [{ weights: corner }] }));
    await openSection(page, 'Filter tools');
    const flip = page.getByRole('checkbox', { name: 'Flip kernel (true convolution)', exact: true });
    expect(await flip.isChecked()).toBe(false);
    const before = await readCanvas(page, 'Feature map 1');
    await redrawAfter(page, () => flip.check(), 'flip on');
    expect(differingPixels(before, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
    expect(await canvas(page, 'Typed kernel of filter 1').count()).toBe(1);
    expect(await canvas(page, 'Applied kernel of filter 1 (flipped)').count()).toBe(1);
    expect(await page.getByText(/cross-correlation/).count()).toBeGreaterThan(0);
    await panel(page).screenshot({ path: `${RESULTS_DIR}/kernel-panel-flip.png` });

    // A kernel that is its own 180° turn gives the same map flipped or not.
    await redrawAfter(page, () => choosePreset(page, 'Box blur'), 'Box blur');
    const flipped = await readCanvas(page, 'Feature map 1');
    await redrawAfter(page, () => flip.uncheck(), 'flip off');
    expect(differingPixels(flipped, await readCanvas(page, 'Feature map 1'))).toBe(0);
  });

  it('RGB layer: three R, G, B slices; editing one slice makes the filter kh × kw × 3', async () => {
    const page = await openWithScene(link({ channels: 'rgb' }));
    await openSection(page, 'Filter tools');
    const r = page.getByRole('textbox', { name: 'Filter 1 row 2 column 1 channel R', exact: true });
    const g = page.getByRole('textbox', { name: 'Filter 1 row 2 column 1 channel G', exact: true });
    const b = page.getByRole('textbox', { name: 'Filter 1 row 2 column 1 channel B', exact: true });
    for (const slice of [r, g, b]) expect(await slice.inputValue()).toBe('-2');
    expect(await kernelCell(page, 1, 2, 1).count(), 'no plain 2-D names in an RGB layer').toBe(0);
    // Arrow keys cross from the R slice into the G slice.
    await page.getByRole('textbox', { name: 'Filter 1 row 2 column 3 channel R', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toBe('Filter 1 row 2 column 1 channel G');

    const before = await readCanvas(page, 'Feature map 1');
    await redrawAfter(page, () => page.keyboard.type('7'), 'typing 7 in the G slice');
    await expectWeights(page, [
      [
        [-1, -1, -1],
        [0, 0, 0],
        [1, 1, 1],
      ],
      [
        [-2, 7, -2],
        [0, 0, 0],
        [2, 2, 2],
      ],
      [
        [-1, -1, -1],
        [0, 0, 0],
        [1, 1, 1],
      ],
    ]);
    expect(differingPixels(before, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
    expect(await presetShown(page)).toBe('Custom');
    // Operations apply to every slice.
    await button(page, 'Negate').click();
    expect(await r.inputValue()).toBe('2');
    expect(await g.inputValue()).toBe('-7');
    // A preset replaces all three slices.
    await choosePreset(page, 'Sobel y');
    for (const slice of [r, g, b]) expect(await slice.inputValue()).toBe('0');
    await panel(page).screenshot({ path: `${RESULTS_DIR}/kernel-panel-rgb.png` });
  });

  it('the preset library, with a Gaussian whose size and σ can be chosen', async () => {
    const page = await openWithScene();
    let before = await readCanvas(page, 'Feature map 1');
    for (const name of ['Scharr x', 'Prewitt y', 'Laplacian 8-neighbour', 'Emboss', 'Diagonal edges 45°']) {
      await redrawAfter(page, () => choosePreset(page, name), name);
      expect(await presetShown(page)).toBe(name);
      const after = await readCanvas(page, 'Feature map 1');
      expect(differingPixels(before, after), name).toBeGreaterThan(0);
      before = after;
    }
    await choosePreset(page, 'Unsharp mask 5 × 5');
    expect(await kernelCell(page, 1, 5, 5).count()).toBe(1);
    expect(await spin(page, 'Kernel rows').inputValue()).toBe('5');

    await redrawAfter(page, () => choosePreset(page, 'Gaussian blur'), 'Gaussian');
    const sigma = spin(page, 'Gaussian sigma');
    expect(await sigma.inputValue()).toBe('1');
    const g1 = (await weightsOf(page)) as number[][];
    expect(g1).toHaveLength(5);
    expect(g1.flat().reduce((a, v) => a + v, 0)).toBeCloseTo(1, 9);
    expect((g1[2]?.[3] ?? 0) / (g1[2]?.[2] ?? 1)).toBeCloseTo(Math.exp(-0.5), 6);
    await redrawAfter(page, () => setNumber(sigma, 2), 'σ 2');
    const g2 = (await weightsOf(page)) as number[][];
    expect((g2[2]?.[3] ?? 0) / (g2[2]?.[2] ?? 1)).toBeCloseTo(Math.exp(-1 / 8), 6);
    expect(await presetShown(page)).toBe('Gaussian blur');
    await page.getByRole('combobox', { name: 'Gaussian size', exact: true }).selectOption({ label: '7 × 7' });
    await expect.poll(async () => (await weightsOf(page)).length).toBe(7);
    expect(await sigma.inputValue()).toBe('2');
    expect(await page.getByText(/bell curve/).count()).toBe(1);
    await panel(page).screenshot({ path: `${RESULTS_DIR}/kernel-panel-gaussian.png` });
  });

  it('saves a kernel in the browser, loads it back after a reload, deletes it; corrupt storage is ignored', async () => {
    const page = await openWithScene();
    // Opened once, the section stays open across the reloads: the link keeps it (open=filter).
    await openSection(page, 'Filter tools');
    await page.getByText('Saved kernels', { exact: true }).click();
    await kernelCell(page, 1, 1, 1).click();
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Saved kernel name', exact: true }).fill('my nine');
    await button(page, 'Save kernel').click();
    expect(await page.getByText('Saved “my nine”.').count()).toBe(1);
    await panel(page).screenshot({ path: `${RESULTS_DIR}/kernel-panel-saved.png` });

    await page.reload();
    await redrawAfter(page, () => chooseFile(page, scene('scene.png', 48, 40)), 'choosing scene.png');
    await choosePreset(page, 'Identity');
    await page.getByText('Saved kernels', { exact: true }).click();
    await button(page, 'Load saved kernel my nine').click();
    await expectWeights(page, [
      [9, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ]);
    await button(page, 'Delete saved kernel my nine').click();
    expect(await button(page, 'Load saved kernel my nine').count()).toBe(0);

    await page.evaluate(() => localStorage.setItem('kernelscope.savedKernels', '[{"name":1},{oops'));
    await page.reload();
    await page.waitForFunction(() => Number(document.querySelector('main')?.dataset.frames) >= 1);
    await page.getByText('Saved kernels', { exact: true }).click();
    expect(await page.getByText('No saved kernels yet.').count()).toBe(1);
  });

  it('speaks Korean: labels of the editor in the course notes’ terms', async () => {
    const { page } = await open({ hash: '#lang=ko' });
    await openSection(page, '필터 도구');
    expect(await page.getByRole('combobox', { name: '커널 프리셋', exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: '필터 1 행 2 열 3', exact: true }).count()).toBe(1);
    expect(await page.getByRole('spinbutton', { name: '필터 1의 편향', exact: true }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: '커널 뒤집기 (진짜 합성곱)', exact: true }).count()).toBe(
      1,
    );
    expect(await page.getByRole('button', { name: '합으로 정규화', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '필터 추가', exact: true }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: '필터 1', exact: true }).count()).toBe(1);
    expect(await page.getByRole('spinbutton', { name: '커널 행 수', exact: true }).count()).toBe(1);
    await page
      .getByRole('region', { name: '필터 (커널)' })
      .screenshot({ path: `${RESULTS_DIR}/kernel-panel-ko.png` });
  });
});
