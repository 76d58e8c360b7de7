/**
 * Files that are not images (a PDF, a zero-byte file, a broken PNG), chosen or dropped: the page says so in
 * a role alert, keeps the previous image, its shape and every canvas as they were, and throws nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { brokenPng, EMPTY_FILE, PDF_FILE, scene } from './fixtures.ts';
import type { FileSpec, Pixels } from './support.ts';
import {
  alertText,
  chooseFile,
  differingPixels,
  dropFile,
  readCanvas,
  redrawAfter,
  shapesOf,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

const CANVASES = ['Input image', 'Feature map 1', 'Max pooling 1', 'Average pooling 1'];

interface Snapshot {
  shapes: Record<string, string[]>;
  pixels: Record<string, Pixels>;
}

async function snapshot(page: Page): Promise<Snapshot> {
  const shapes: Record<string, string[]> = {};
  const pixels: Record<string, Pixels> = {};
  for (const name of CANVASES) {
    shapes[name] = await shapesOf(page, name);
    pixels[name] = await readCanvas(page, name);
  }
  return { shapes, pixels };
}

const BAD_FILES: [string, () => FileSpec][] = [
  ['a PDF', () => PDF_FILE],
  ['a zero-byte file', () => EMPTY_FILE],
  ['a broken PNG', brokenPng],
];

const WAYS: [string, (page: Page, file: FileSpec) => Promise<void>][] = [
  ['chosen', chooseFile],
  ['dropped', dropFile],
];

describe('a file that is not an image', () => {
  for (const [fileName, makeFile] of BAD_FILES) {
    for (const [wayName, give] of WAYS) {
      it(`${fileName}, ${wayName}: an alert says so and the previous image and maps stay`, async () => {
        // A page may log the refused file to the console; it must not throw.
        const { page, log } = await open({ allowConsoleErrors: true });
        await redrawAfter(page, () => chooseFile(page, scene('good.png', 30, 22)), 'choosing good.png');
        expect(await alertText(page), 'no alert while all is well').toBe('');
        const before = await snapshot(page);
        expect(before.shapes['Input image']?.[0], 'good.png is 22 × 30').toMatch(/^22 × 30\b/);

        const file = makeFile();
        await give(page, file);
        await expect
          .poll(() => alertText(page), { message: `a role alert about ${file.name}`, timeout: 15_000 })
          .not.toBe('');
        // Give a wrongly accepted file the time to reach the canvases before comparing.
        await page.waitForTimeout(750);

        const after = await snapshot(page);
        expect(after.shapes, 'every figcaption shape is unchanged').toEqual(before.shapes);
        for (const name of CANVASES) {
          expect(
            differingPixels(before.pixels[name]!, after.pixels[name]!),
            `"${name}" pixels unchanged`,
          ).toBe(0);
        }
        expect(log.pageErrors, 'no uncaught error in the page').toEqual([]);
      });
    }
  }

  it('after a refused file the page still works: a good image is accepted', async () => {
    const { page } = await open({ allowConsoleErrors: true });
    await chooseFile(page, PDF_FILE);
    await expect.poll(() => alertText(page), { message: 'a role alert about the PDF' }).not.toBe('');
    await redrawAfter(page, () => chooseFile(page, scene('after.png', 26, 19)), 'choosing after.png');
    await expect
      .poll(() => shapesOf(page, 'Input image'))
      .toSatisfy((shapes: string[]) => shapes.some((s) => /^19 × 26\b/.test(s)));
  });
});
