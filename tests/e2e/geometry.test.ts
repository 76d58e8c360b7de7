/**
 * Stride, padding and pooling change the shapes as (W − F + 2P) / S + 1 says, on a 28 × 28 image (the size
 * of a Fashion-MNIST picture) and the default 3 × 3 filter; pooling is 2 × 2 with stride 2 unless changed.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scene } from './fixtures.ts';
import {
  chooseFile,
  differingPixels,
  expectShape,
  readCanvas,
  redrawAfter,
  shapesOf,
  typeInto,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });
let page: Page;

function stride(p: Page) {
  return p.getByRole('spinbutton', { name: 'Stride', exact: true });
}

function paddingRadio(p: Page, name: 'Valid' | 'Same') {
  return p
    .getByRole('radiogroup', { name: 'Padding', exact: true })
    .getByRole('radio', { name, exact: true });
}

function poolSize(p: Page) {
  return p.getByRole('spinbutton', { name: 'Pool size', exact: true });
}

async function expectShapes(p: Page, conv: string, pooled: string): Promise<void> {
  await expectShape(p, 'Input image', '28 × 28');
  await expectShape(p, 'Feature map 1', conv);
  await expectShape(p, 'Max pooling 1', pooled);
  await expectShape(p, 'Average pooling 1', pooled);
}

describe('output size follows (W − F + 2P) / S + 1 on a 28 × 28 image', () => {
  // One page for the whole walk through the settings: each step starts where the last one ended.
  beforeAll(async () => {
    ({ page } = await open());
    await redrawAfter(
      page,
      () => chooseFile(page, scene('fashion-sized.png', 28, 28)),
      'choosing a 28 × 28 PNG',
    );
  });

  it('starts from a 28 × 28 image and the default 3 × 3 filter', async () => {
    await expectShape(page, 'Input image', '28 × 28');
    await expectShape(page, 'Filter 1', '3 × 3');
  });

  it('valid padding, stride 1: 26 × 26, pooled 13 × 13', async () => {
    await redrawAfter(page, () => paddingRadio(page, 'Valid').check(), 'choosing Valid padding');
    expect(await paddingRadio(page, 'Valid').isChecked()).toBe(true);
    await expectShapes(page, '26 × 26', '13 × 13');
  });

  it('same padding, stride 1: 28 × 28, pooled 14 × 14', async () => {
    await redrawAfter(page, () => paddingRadio(page, 'Same').check(), 'choosing Same padding');
    await expectShapes(page, '28 × 28', '14 × 14');
  });

  it('same padding, stride 2: 14 × 14, pooled 7 × 7', async () => {
    await redrawAfter(page, () => typeInto(stride(page), '2'), 'typing 2 into Stride');
    expect(await stride(page).inputValue()).toBe('2');
    await expectShapes(page, '14 × 14', '7 × 7');
  });

  it('valid padding, stride 2: 13 × 13, pooled 6 × 6 (13 / 2 rounded down)', async () => {
    await redrawAfter(page, () => paddingRadio(page, 'Valid').check(), 'choosing Valid padding');
    await expectShapes(page, '13 × 13', '6 × 6');
  });

  it('"Pool size" changes the pooling shapes (same padding, stride 1: 28 × 28 pooled by a 4 × 4 window)', async () => {
    await redrawAfter(page, () => paddingRadio(page, 'Same').check(), 'choosing Same padding');
    await redrawAfter(page, () => typeInto(stride(page), '1'), 'typing 1 into Stride');
    await expectShapes(page, '28 × 28', '14 × 14');
    await redrawAfter(page, () => typeInto(poolSize(page), '4'), 'typing 4 into Pool size');
    // A 4 × 4 window with the pooling stride kept at 2: (28 − 4) / 2 + 1 = 13; with the stride following
    // the window (4): (28 − 4) / 4 + 1 = 7. Either is right; 14 × 14 (no change) is not.
    for (const name of ['Max pooling 1', 'Average pooling 1']) {
      await expect
        .poll(() => shapesOf(page, name), { message: `figcaption of "${name}" after Pool size 4` })
        .toSatisfy((shapes: string[]) => shapes.includes('13 × 13') || shapes.includes('7 × 7'));
    }
    await expectShape(page, 'Feature map 1', '28 × 28');
  });

  it('max and average pooling show different pixels', async () => {
    const max = await readCanvas(page, 'Max pooling 1');
    const average = await readCanvas(page, 'Average pooling 1');
    expect(differingPixels(max, average), `"Max pooling 1" and "Average pooling 1" differ`).toBeGreaterThan(
      0,
    );
  });
});
