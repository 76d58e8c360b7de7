/**
 * A person's own image, by the file chooser, by dropping it on the drop zone, and by pasting it: the input
 * shows its shape (H × W) and the feature maps and poolings follow (default spec: same padding, stride 1,
 * a 3 × 3 filter, 2 × 2 pooling with stride 2).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { colourScene, scene } from './fixtures.ts';
import type { FileSpec } from './support.ts';
import {
  chooseFile,
  dropFile,
  expectShape,
  pasteFile,
  redrawAfter,
  shapesOf,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

/** Waits until the "Input image" caption shows `H × W` (gray) or `H × W × C` (colour). */
async function expectInputShape(page: Page, height: number, width: number): Promise<void> {
  const hw = `${height} × ${width}`;
  await expect
    .poll(() => shapesOf(page, 'Input image'), {
      message: `figcaption of "Input image" should show ${hw} (H × W, optionally × C)`,
    })
    .toSatisfy((shapes: string[]) => shapes.some((s) => s === hw || s.startsWith(`${hw} × `)));
}

/** With the default spec the first map keeps the image's size and pooling halves it (rounding down). */
async function expectMapsFollow(page: Page, height: number, width: number): Promise<void> {
  await expectShape(page, 'Feature map 1', `${height} × ${width}`);
  const pooled = `${Math.floor(height / 2)} × ${Math.floor(width / 2)}`;
  await expectShape(page, 'Max pooling 1', pooled);
  await expectShape(page, 'Average pooling 1', pooled);
}

async function load(
  page: Page,
  how: (page: Page, file: FileSpec) => Promise<void>,
  file: FileSpec,
): Promise<void> {
  await redrawAfter(page, () => how(page, file), `loading ${file.name}`);
}

describe('an image of your own', () => {
  it('chosen with "Choose image": a 30-wide, 40-tall PNG shows as 40 × 30 and the maps follow', async () => {
    const { page } = await open();
    await load(page, chooseFile, scene('tall.png', 30, 40));
    await expectInputShape(page, 40, 30);
    await expectMapsFollow(page, 40, 30);
  });

  it('dropped on the "Image drop zone": a 24 × 18 PNG shows as 18 × 24', async () => {
    const { page } = await open();
    await load(page, dropFile, colourScene('wide.png', 24, 18));
    await expectInputShape(page, 18, 24);
    await expectMapsFollow(page, 18, 24);
  });

  it('pasted: a 20-wide, 36-tall PNG shows as 36 × 20', async () => {
    const { page } = await open();
    await load(page, pasteFile, scene('pasted.png', 20, 36));
    await expectInputShape(page, 36, 20);
    await expectMapsFollow(page, 36, 20);
  });

  it('one image after another: the last one chosen wins', async () => {
    const { page } = await open();
    await load(page, chooseFile, scene('first.png', 33, 21));
    await expectInputShape(page, 21, 33);
    await load(page, dropFile, scene('second.png', 17, 29));
    await expectInputShape(page, 29, 17);
    await expectMapsFollow(page, 29, 17);
  });
});
