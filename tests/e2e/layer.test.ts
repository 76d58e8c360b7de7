/**
 * The layer controls, end to end on a 28 × 28 image with the default 3 × 3 Sobel x filter: channels,
 * per-axis stride, dilation, explicit padding, padding modes, activation and pooling each change what the
 * figcaptions say (or the pixels) as the layer's arithmetic says; an impossible setting is refused with an
 * alert and the previous shapes stay; the padding view shows the padded input in the three modes.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scene } from './fixtures.ts';
import {
  alertText,
  canvas,
  caption,
  chooseFile,
  expectShape,
  openSection,
  readCanvas,
  RESULTS_DIR,
  redrawAfter,
  screenshot,
  shapesOf,
  typeInto,
  useBrowser,
  type Pixels,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });
let page: Page;

const spin = (p: Page, name: string) => p.getByRole('spinbutton', { name, exact: true });
const group = (p: Page, name: string) => p.getByRole('radiogroup', { name, exact: true });
const radio = (p: Page, groupName: string, name: string) =>
  group(p, groupName).getByRole('radio', { name, exact: true });
const checkbox = (p: Page, name: string) => p.getByRole('checkbox', { name, exact: true });

async function choose(p: Page, groupName: string, name: string): Promise<void> {
  await redrawAfter(p, () => radio(p, groupName, name).check(), `choosing ${groupName}: ${name}`);
  expect(await radio(p, groupName, name).isChecked(), `${groupName}: ${name} is checked`).toBe(true);
}

async function typeNumber(p: Page, field: Locator, value: string, what: string): Promise<void> {
  await redrawAfter(p, () => typeInto(field, value), `typing ${value} into ${what}`);
  expect(await field.inputValue(), `${what} shows ${value}`).toBe(value);
}

async function expectShapes(p: Page, conv: string, pooled: string): Promise<void> {
  await expectShape(p, 'Feature map 1', conv);
  await expectShape(p, 'Max pooling 1', pooled);
  await expectShape(p, 'Average pooling 1', pooled);
}

/** RGBA of the pixel at the centre of tensor cell (row, col) of a canvas showing `rows` × `cols` cells. */
function cell(p: Pixels, rows: number, cols: number, row: number, col: number): number[] {
  const x = Math.floor(((col + 0.5) / cols) * p.width);
  const y = Math.floor(((row + 0.5) / rows) * p.height);
  const i = (y * p.width + x) * 4;
  return [...p.data.slice(i, i + 4)];
}

/** Pixels that the blue–white–red display draws blue: values below 0. */
function bluePixels(p: Pixels): number {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const [r, g, b] = [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
    if (b - r > 30 && b - g > 10) n++;
  }
  return n;
}

function redPixels(p: Pixels): number {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const [r, g, b] = [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
    if (r - b > 30 && r - g > 10) n++;
  }
  return n;
}

/** A screenshot of one part of the page (a region by name) into test-results/e2e/<file>.png. */
async function shoot(p: Page, region: string, file: string): Promise<void> {
  const target = p.getByRole('region', { name: region, exact: true });
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({ path: path.join(RESULTS_DIR, `${file}.png`), animations: 'disabled' });
}

const PADDED = ['zeros', 'reflect', 'replicate'] as const;
const paddedName = (mode: (typeof PADDED)[number]) => `Padded input (${mode})`;

describe('the layer controls on a 28 × 28 image', () => {
  // One page for the whole walk: each step starts where the last one ended (stated in each test).
  beforeAll(async () => {
    ({ page } = await open());
    await redrawAfter(page, () => chooseFile(page, scene('layer.png', 28, 28)), 'choosing a 28 × 28 PNG');
  });

  it('offers every control by its accessible name', async () => {
    await expectShape(page, 'Input image', '28 × 28');
    // Dilation, the padding mode and the activation are folded, and so is the padding view: open them.
    await openSection(page, 'More layer options');
    await openSection(page, 'Padded input');
    for (const [g, names] of [
      ['Channels', ['Gray', 'RGB', 'RGB per channel']],
      ['Activation', ['None', 'ReLU', 'Absolute |x|', 'Clip 0..255']],
      ['Padding', ['Valid', 'Same', 'Explicit']],
      ['Padding mode', ['Zeros', 'Reflect', 'Replicate']],
      ['Pool padding', ['Valid', 'Same']],
    ] as const) {
      for (const name of names) expect(await radio(page, g, name).count(), `${g}: ${name}`).toBe(1);
    }
    for (const name of ['Stride', 'Dilation', 'Pool size', 'Pool stride']) {
      expect(await spin(page, name).count(), `spinbutton ${name}`).toBe(1);
    }
    for (const name of ['Link axes (Stride)', 'Link axes (Dilation)', 'Pool stride = size']) {
      expect(await checkbox(page, name).isChecked(), `${name} is ticked by default`).toBe(true);
    }
    // The defaults: gray, no activation, same padding with zeros, 2 × 2 pooling.
    expect(await radio(page, 'Channels', 'Gray').isChecked()).toBe(true);
    expect(await radio(page, 'Activation', 'None').isChecked()).toBe(true);
    expect(await radio(page, 'Padding', 'Same').isChecked()).toBe(true);
    expect(await radio(page, 'Padding mode', 'Zeros').isChecked()).toBe(true);
    expect(await radio(page, 'Pool padding', 'Valid').isChecked()).toBe(true);
    await expectShapes(page, '28 × 28', '14 × 14');
    await shoot(page, 'Layer', 'layer-panel-default');
  });

  it('RGB makes the input 28 × 28 × 3; RGB per channel makes three maps per filter; Gray goes back', async () => {
    await choose(page, 'Channels', 'RGB');
    await expectShape(page, 'Input image', '28 × 28 × 3');
    await expectShape(page, 'Filter 1', '3 × 3 × 3');
    await shoot(page, 'Layer', 'layer-panel-rgb');
    expect(await canvas(page, 'Feature map 2').count(), 'RGB sums the channels: one map').toBe(0);

    await choose(page, 'Channels', 'RGB per channel');
    await expectShape(page, 'Input image', '28 × 28 × 3');
    for (const m of [1, 2, 3]) await expectShape(page, `Feature map ${m}`, '28 × 28');
    expect(await canvas(page, 'Feature map 4').count(), 'one filter: exactly three maps').toBe(0);
    await screenshot(page, 'layer-rgb-per-channel');

    await choose(page, 'Channels', 'Gray');
    await expectShape(page, 'Input image', '28 × 28');
    expect(await canvas(page, 'Feature map 2').count()).toBe(0);
  });

  it('unlinked stride 1 × 2 halves the width only: 28 × 14, pooled 14 × 7', async () => {
    await checkbox(page, 'Link axes (Stride)').uncheck();
    expect(await spin(page, 'Stride').count(), '"Stride" gives way to one spinbutton per axis').toBe(0);
    expect(await spin(page, 'Stride rows').inputValue()).toBe('1');
    await typeNumber(page, spin(page, 'Stride columns'), '2', 'Stride columns');
    await expectShapes(page, '28 × 14', '14 × 7');
    await shoot(page, 'Layer', 'layer-panel-unlinked-stride');

    await typeNumber(page, spin(page, 'Stride rows'), '2', 'Stride rows');
    await expectShapes(page, '14 × 14', '7 × 7');

    // Linking again sets both axes to the rows' value and brings back "Stride".
    await checkbox(page, 'Link axes (Stride)').check();
    await typeNumber(page, spin(page, 'Stride'), '1', 'Stride');
    await expectShapes(page, '28 × 28', '14 × 14');
  });

  it('dilation 2 makes a 3 × 3 kernel 5 × 5: a valid output of 24 × 24, 4 less than the image', async () => {
    await choose(page, 'Padding', 'Valid');
    await expectShapes(page, '26 × 26', '13 × 13');
    await typeNumber(page, spin(page, 'Dilation'), '2', 'Dilation');
    await expectShapes(page, '24 × 24', '12 × 12');

    // Per axis: dilation 1 down the rows, 2 across the columns.
    await checkbox(page, 'Link axes (Dilation)').uncheck();
    await typeNumber(page, spin(page, 'Dilation rows'), '1', 'Dilation rows');
    await expectShapes(page, '26 × 24', '13 × 12');
    await checkbox(page, 'Link axes (Dilation)').check();
    await expectShapes(page, '26 × 26', '13 × 13');
  });

  it('valid padding: the padding view says there is nothing to show', async () => {
    const view = page.getByRole('region', { name: 'Padded input', exact: true });
    await expect.poll(() => view.innerText()).toMatch(/no padding: nothing to show/i);
    for (const mode of PADDED) expect(await canvas(page, paddedName(mode)).count()).toBe(0);
  });

  it('explicit padding [1, 2, 0, 3] then right 5: maps 29 × 29 then 29 × 31', async () => {
    await choose(page, 'Padding', 'Explicit');
    const sides = ['Padding top', 'Padding bottom', 'Padding left', 'Padding right'];
    // From valid, explicit starts at 1 on every side (the same shapes as 'same' here).
    for (const side of sides) expect(await spin(page, side).inputValue(), side).toBe('1');
    await expectShapes(page, '28 × 28', '14 × 14');

    await typeNumber(page, spin(page, 'Padding bottom'), '2', 'Padding bottom');
    await typeNumber(page, spin(page, 'Padding left'), '0', 'Padding left');
    await typeNumber(page, spin(page, 'Padding right'), '3', 'Padding right');
    // (28 + 1 + 2 − 3) / 1 + 1 = 29 rows, (28 + 0 + 3 − 3) / 1 + 1 = 29 columns.
    await expectShapes(page, '29 × 29', '14 × 14');
    await typeNumber(page, spin(page, 'Padding right'), '5', 'Padding right');
    await expectShapes(page, '29 × 31', '14 × 15');
    for (const mode of PADDED) await expectShape(page, paddedName(mode), '31 × 33');
  });

  it('the padding view shows the three modes side by side, the one in use highlighted', async () => {
    const view = page.getByRole('region', { name: 'Padded input', exact: true });
    await view.scrollIntoViewIfNeeded();
    for (const mode of PADDED) {
      const img = canvas(page, paddedName(mode));
      expect(await img.count(), `img "${paddedName(mode)}"`).toBe(1);
      // The box has the padded shape (33 wide, 31 tall) before and after the engine draws into it.
      const box = await img.boundingBox();
      expect(box, `${paddedName(mode)} is laid out`).not.toBeNull();
      expect(box!.width / box!.height).toBeCloseTo(33 / 31, 1);
      const text = await caption(page, paddedName(mode)).innerText();
      expect(text).toMatch(new RegExp(mode, 'i'));
      expect(/in use/.test(text), `"${mode}" is marked in use only when it is the padding mode`).toBe(
        mode === 'zeros',
      );
    }
    await choose(page, 'Padding mode', 'Replicate');
    expect(await caption(page, paddedName('replicate')).innerText()).toMatch(/in use/);
    expect(await caption(page, paddedName('zeros')).innerText()).not.toMatch(/in use/);
    // Replicate keeps the shapes: only what the padded cells hold changes.
    await expectShapes(page, '29 × 31', '14 × 15');
    await shoot(page, 'Layer', 'layer-panel-explicit');
    await shoot(page, 'Padded input', 'padding-view-explicit');
  });

  it('the engine draws the padded input: zeros are black, replicate repeats the edge, reflect mirrors it', async () => {
    const rows = 31;
    const cols = 33;
    const read = async (mode: (typeof PADDED)[number]) => {
      const img = canvas(page, paddedName(mode));
      const size = await img.evaluate((el) => [
        (el as HTMLCanvasElement).width,
        (el as HTMLCanvasElement).height,
      ]);
      expect(size, `"${paddedName(mode)}" is drawn at the padded size`).toEqual([cols, rows]);
      const pixels = await readCanvas(page, paddedName(mode));
      expect(pixels.source, 'the padded canvas reads back (a 2-D canvas, exact pixels)').toBe('canvas');
      return pixels;
    };
    const zeros = await read('zeros');
    const reflect = await read('reflect');
    const replicate = await read('replicate');
    // pads: top 1, bottom 2, left 0, right 5. Image rows are 1..28, image columns 0..27.
    for (const [r, c] of [
      [0, 5],
      [30, 10],
      [15, 32],
    ]) {
      expect(cell(zeros, rows, cols, r!, c!).slice(0, 3), `zeros: padded cell ${r}, ${c} is black`).toEqual([
        0, 0, 0,
      ]);
    }
    for (let c = 0; c < 28; c++) {
      // Top pad (row 0): replicate copies image row 0 (padded row 1); reflect copies image row 1 (row 2).
      expect(cell(replicate, rows, cols, 0, c), `replicate row 0, column ${c}`).toEqual(
        cell(replicate, rows, cols, 1, c),
      );
      expect(cell(reflect, rows, cols, 0, c), `reflect row 0, column ${c}`).toEqual(
        cell(reflect, rows, cols, 2, c),
      );
      // Inside the image all three agree.
      expect(cell(reflect, rows, cols, 5, c)).toEqual(cell(zeros, rows, cols, 5, c));
      expect(cell(replicate, rows, cols, 5, c)).toEqual(cell(zeros, rows, cols, 5, c));
    }
    for (let r = 1; r <= 28; r++) {
      // Right pad: replicate repeats column 27; reflect's column 28 mirrors column 26, column 32 mirrors 22.
      expect(cell(replicate, rows, cols, r, 32)).toEqual(cell(replicate, rows, cols, r, 27));
      expect(cell(reflect, rows, cols, r, 28)).toEqual(cell(reflect, rows, cols, r, 26));
      expect(cell(reflect, rows, cols, r, 32)).toEqual(cell(reflect, rows, cols, r, 22));
    }
    // The modes differ somewhere in the padding (the scene is not flat at its edges).
    expect(cell(reflect, rows, cols, 0, 3)).not.toEqual(cell(zeros, rows, cols, 0, 3));
  });

  it('refuses reflect padding wider than the image: alert, and the shapes stay', async () => {
    await choose(page, 'Padding mode', 'Reflect');
    const top = spin(page, 'Padding top');
    await typeNumber(page, top, '27', 'Padding top'); // 27 = 28 − 1: the widest reflect can do
    await expectShapes(page, '55 × 31', '27 × 15');
    await top.press('ArrowUp'); // 28: refused
    await expect
      .poll(() => alertText(page), { message: 'an alert says why 28 is refused' })
      .toMatch(/reflect/i);
    await expectShapes(page, '55 × 31', '27 × 15');
    expect(await radio(page, 'Padding mode', 'Reflect').isChecked()).toBe(true);
    await top.press('Tab');
    expect(await top.inputValue(), 'leaving the field shows the value in use again').toBe('27');

    // With replicate, 28 is fine, and the padding view explains why reflect cannot show it.
    await choose(page, 'Padding mode', 'Replicate');
    await redrawAfter(page, () => top.press('ArrowUp'), 'ArrowUp in Padding top');
    expect(await top.inputValue()).toBe('28');
    await expectShapes(page, '56 × 31', '28 × 15');
    expect(await alertText(page), 'a good setting clears the alert').toBe('');
    expect(await canvas(page, paddedName('reflect')).count()).toBe(0);
    const view = page.getByRole('region', { name: 'Padded input', exact: true });
    expect(await view.innerText()).toMatch(/Reflect cannot pad 28 pixels: an image 28 pixels tall/);
    await expectShape(page, paddedName('zeros'), '58 × 33');
    await shoot(page, 'Padded input', 'padding-view-reflect-impossible');
  });

  it('pooling: size 3 (stride follows) 9 × 9, stride 2 13 × 13, same padding 14 × 14', async () => {
    await choose(page, 'Padding', 'Same');
    await choose(page, 'Padding mode', 'Zeros');
    await expectShapes(page, '28 × 28', '14 × 14');
    await typeNumber(page, spin(page, 'Pool size'), '3', 'Pool size');
    expect(await spin(page, 'Pool stride').inputValue(), 'the pool stride follows the window').toBe('3');
    await expectShapes(page, '28 × 28', '9 × 9');

    await checkbox(page, 'Pool stride = size').uncheck();
    await typeNumber(page, spin(page, 'Pool stride'), '2', 'Pool stride');
    await expectShapes(page, '28 × 28', '13 × 13');
    await choose(page, 'Pool padding', 'Same');
    await expectShapes(page, '28 × 28', '14 × 14');
    // Unlinked, the window no longer moves the stride: 4 × 4 windows at stride 2, same: still 14 × 14.
    await typeNumber(page, spin(page, 'Pool size'), '4', 'Pool size');
    expect(await spin(page, 'Pool stride').inputValue()).toBe('2');
    await expectShapes(page, '28 × 28', '14 × 14');
    await choose(page, 'Pool padding', 'Valid');
    await expectShapes(page, '28 × 28', '13 × 13');

    await checkbox(page, 'Pool stride = size').check();
    await expect.poll(() => spin(page, 'Pool stride').inputValue()).toBe('4');
    await expectShapes(page, '28 × 28', '7 × 7');
    await typeNumber(page, spin(page, 'Pool size'), '2', 'Pool size');
    await expectShapes(page, '28 × 28', '14 × 14');
  });

  it('refuses a pooling window larger than the map: alert, previous shapes kept', async () => {
    await choose(page, 'Padding', 'Valid');
    await typeNumber(page, spin(page, 'Stride'), '4', 'Stride');
    // (28 − 3) / 4 + 1 = 7; pooled 2 × 2 at stride 2: 3.
    await expectShapes(page, '7 × 7', '3 × 3');
    const pool = spin(page, 'Pool size');
    await typeInto(pool, '8');
    await expect
      .poll(() => alertText(page), { message: 'an alert says the window does not fit' })
      .toMatch(/pool/i);
    await expectShapes(page, '7 × 7', '3 × 3');
    expect(await pool.inputValue(), 'after leaving the field it shows the size in use').toBe('2');
    expect(await shapesOf(page, 'Feature map 1')).toEqual(['7 × 7']);

    await typeNumber(page, spin(page, 'Stride'), '1', 'Stride');
    await choose(page, 'Padding', 'Same');
    await expectShapes(page, '28 × 28', '14 × 14');
  });

  it('ReLU leaves no negative value: no blue pixel in the signed display; |x| neither', async () => {
    const before = await readCanvas(page, 'Feature map 1');
    expect(bluePixels(before), 'Sobel x has negative responses (blue) without an activation').toBeGreaterThan(
      0,
    );
    await choose(page, 'Activation', 'ReLU');
    const relu = await readCanvas(page, 'Feature map 1');
    expect(bluePixels(relu), 'no blue pixel after ReLU').toBe(0);
    expect(redPixels(relu), 'the positive responses are still there').toBeGreaterThan(0);

    await choose(page, 'Activation', 'Absolute |x|');
    const abs = await readCanvas(page, 'Feature map 1');
    expect(bluePixels(abs)).toBe(0);
    expect(redPixels(abs), '|x| lights up both edge directions').toBeGreaterThan(redPixels(relu));

    await choose(page, 'Activation', 'None');
    expect(bluePixels(await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
  });

  it('speaks Korean: the same controls under the course notes’ terms', async () => {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ko');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    for (const [g, names] of [
      ['채널', ['회색조', 'RGB', 'RGB 채널별']],
      ['활성화 함수', ['없음', 'ReLU', '절댓값 |x|', '0..255로 자르기']],
      ['패딩', ['Valid', 'Same', '직접 지정']],
      ['패딩 방식', ['0으로 채움', '반사', '복제']],
      ['풀링 패딩', ['Valid', 'Same']],
    ] as const) {
      for (const name of names) expect(await radio(page, g, name).count(), `${g}: ${name}`).toBe(1);
    }
    for (const name of ['스트라이드', '팽창 (dilation)', '풀링 크기', '풀링 스트라이드']) {
      expect(await spin(page, name).count(), `spinbutton ${name}`).toBe(1);
    }
    expect(await checkbox(page, '풀링 스트라이드 = 크기').count()).toBe(1);
    for (const mode of ['0으로 채움', '반사', '복제']) {
      expect(await canvas(page, `패딩한 입력 (${mode})`).count(), `img 패딩한 입력 (${mode})`).toBe(1);
    }
    await shoot(page, '층 (layer)', 'layer-panel-korean');
    await shoot(page, '패딩한 입력', 'padding-view-korean');
    await page.getByRole('combobox', { name: '언어', exact: true }).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

describe('the padding view on a large image (200 × 150)', () => {
  let big: Page;
  beforeAll(async () => {
    ({ page: big } = await open());
    await redrawAfter(big, () => chooseFile(big, scene('large.png', 200, 150)), 'choosing a 200 × 150 PNG');
    await openSection(big, 'Padded input');
  });

  it('opens zoomed on the top-left corner, where one padded pixel is visible, and can show the whole', async () => {
    await expectShape(big, 'Input image', '150 × 200');
    // Same padding, 3 × 3: one pixel on every side, 152 × 202 padded.
    for (const mode of PADDED) await expectShape(big, paddedName(mode), '152 × 202');
    expect(await radio(big, 'Zoom', 'Top-left corner').isChecked()).toBe(true);
    const img = canvas(big, paddedName('zeros'));
    const window = img.locator('xpath=../..');
    const zoomedCanvas = (await img.boundingBox())!;
    const zoomedWindow = (await window.boundingBox())!;
    // The window shows 13 × 13 cells (1 padded + 12), so the whole canvas is 202 / 13 times its width.
    expect(zoomedCanvas.width / zoomedWindow.width).toBeCloseTo(202 / 13, 0);
    expect(zoomedWindow.width / zoomedWindow.height).toBeCloseTo(1, 1);
    await shoot(big, 'Padded input', 'padding-view-zoomed');

    await radio(big, 'Zoom', 'Whole image').check();
    await expect
      .poll(async () => (await img.boundingBox())!.width / (await window.boundingBox())!.width)
      .toBeCloseTo(1, 1);
    const whole = (await img.boundingBox())!;
    expect(whole.width / whole.height).toBeCloseTo(202 / 152, 1);

    // Stride 2 on even sizes: SAME pads only the bottom and right; the bottom-right corner shows them.
    await radio(big, 'Zoom', 'Bottom-right corner').check();
    await typeNumber(big, spin(big, 'Stride'), '2', 'Stride');
    for (const mode of PADDED) await expectShape(big, paddedName(mode), '151 × 201');
    const corner = (await window.boundingBox())!;
    expect(corner.width / corner.height, '13 × 13 cells').toBeCloseTo(1, 1);
    await shoot(big, 'Padded input', 'padding-view-bottom-right');
  });
});

describe('switching channels keeps the spec valid', () => {
  it('leaving RGB collapses a 3-D filter to its R slice and says so', async () => {
    const spec = {
      channels: 'rgb',
      filters: [
        {
          weights: [
            [
              [1, 0, 0],
              [0, 1, 0],
            ],
            [
              [0, 0, 1],
              [-1, 0, 0],
            ],
          ],
        },
      ],
    };
    const { page: p } = await open({ hash: `#spec=${encodeURIComponent(JSON.stringify(spec))}` });
    await redrawAfter(p, () => chooseFile(p, scene('rgb.png', 28, 28)), 'choosing a 28 × 28 PNG');
    await expectShape(p, 'Filter 1', '2 × 2 × 3');
    expect(await radio(p, 'Channels', 'RGB').isChecked()).toBe(true);

    await choose(p, 'Channels', 'Gray');
    await expectShape(p, 'Filter 1', '2 × 2');
    await expectShape(p, 'Input image', '28 × 28');
    const note = p.getByRole('note');
    await expect.poll(() => note.innerText()).toMatch(/Filter 1: its R, G and B slices differed/);
    expect(await alertText(p), 'no refusal: the collapsed spec is valid').toBe('');
    // The kept R slice [[1, 0], [0, -1]] is in the share link now.
    await expect
      .poll(() => p.evaluate(() => decodeURIComponent(location.hash)))
      .toMatch(/"weights":\[\[1,0\],\[0,-1\]\]/);
  });
});
