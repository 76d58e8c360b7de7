/**
 * Intake and hostile input: an AVIF file loads; a 1 × 1 image loads with its empty poolings explained in
 * place and still takes kernel edits; links that do not fit the image, or cannot be read, are refused in a
 * live tab with the page and the URL kept as they were, and open the defaults (saying so) on a first visit.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pngFile } from './fixtures.ts';
import {
  alertText,
  backendQuery,
  canvas,
  chooseFile,
  differingPixels,
  expectShape,
  type FileSpec,
  kernelCell,
  readCanvas,
  redrawAfter,
  screenshot,
  shapesOf,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

/** A 2 × 2 AVIF (AV1 in HEIF), the well-known feature-detection image: made by libavif, 311 bytes. */
const AVIF_2X2 = Buffer.from(
  'AAAAIGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZk1BMUIAAADybWV0YQAAAAAAAAAoaGRscgAAAAAAAAAAcGljdAAAAAAAAAAAAAAAAGxp' +
    'YmF2aWYAAAAADnBpdG0AAAAAAAEAAAAeaWxvYwAAAABEAAABAAEAAAABAAABGgAAAB0AAAAoaWluZgAAAAAAAQAAABppbmZlAgAAAAAB' +
    'AABhdjAxQ29sb3IAAAAAamlwcnAAAABLaXBjbwAAABRpc3BlAAAAAAAAAAIAAAACAAAAEHBpeGkAAAAAAwgICAAAAAxhdjFDgQ0MAAAA' +
    'ABNjb2xybmNseAACAAIAAYAAAAAXaXBtYQAAAAAAAAABAAEEAQKDBAAAACVtZGF0EgAKCBgANogQEAwgMg8f8D///8WfhwB8+ErK42A=',
  'base64',
);

/** SOI, four full APP1 segments (256 KiB of "EXIF"), an SOF0 saying 20000 × 20000, EOI. */
function hugeJpeg(): FileSpec {
  const app1 = Buffer.alloc(2 + 65535);
  app1.set([0xff, 0xe1, 0xff, 0xff]);
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0x4e, 0x20, 0x4e, 0x20, 1, 1, 0x11, 0]);
  const buffer = Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app1,
    app1,
    app1,
    app1,
    sof,
    Buffer.from([0xff, 0xd9]),
  ]);
  return { name: 'exif-then-huge.jpg', mimeType: 'image/jpeg', buffer };
}

/** A GIF with a 10 × 10 logical screen and one 20000 × 20000 frame. */
function hugeGif(): FileSpec {
  const buffer = Buffer.from([
    ...Buffer.from('GIF89a'),
    10,
    0,
    10,
    0,
    0,
    0,
    0,
    0x2c,
    0,
    0,
    0,
    0,
    0x20,
    0x4e,
    0x20,
    0x4e,
    0,
    2,
    2,
    0x4c,
    0x01,
    0,
    0x3b,
  ]);
  return { name: 'huge-frame.gif', mimeType: 'image/gif', buffer };
}

const specLink = (spec: object, extra = '&sample=fashion-mnist-9&lang=en') =>
  `#spec=${encodeURIComponent(JSON.stringify(spec))}${extra}`;

const ones = (k: number) => Array.from({ length: k }, () => new Array<number>(k).fill(1));

async function hashOf(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}

describe('intake', () => {
  it('an AVIF file is taken and decoded by the browser', async () => {
    const { page } = await open();
    await redrawAfter(
      page,
      () => chooseFile(page, { name: 'tiny.avif', mimeType: 'image/avif', buffer: AVIF_2X2 }),
      'choosing tiny.avif',
    );
    expect(await alertText(page)).toBe('');
    await expectShape(page, 'Input image', '2 × 2');
    await expectShape(page, 'Feature map 1', '2 × 2');
    await expectShape(page, 'Max pooling 1', '1 × 1');

    // A JPEG whose frame size (20000 × 20000) sits after a 256 KiB EXIF block, and a GIF whose frame is
    // 20000 × 20000 on a 10 × 10 screen: refused from their headers, at once, nothing decoded.
    for (const file of [hugeJpeg(), hugeGif()]) {
      const started = Date.now();
      await chooseFile(page, file);
      await expect.poll(() => alertText(page), { message: file.name }).toMatch(/is 20000 × 20000 pixels/);
      const ms = Date.now() - started;
      console.log(`${file.name} refused in ${ms} ms`);
      expect(ms, `${file.name} is refused without being decoded`).toBeLessThan(3000);
      await expectShape(page, 'Input image', '2 × 2');
    }
  });

  it('a 1 × 1 image loads: the map is 1 × 1, each pooling says in place why it is empty, edits still apply', async () => {
    const { page } = await open();
    await redrawAfter(
      page,
      () =>
        chooseFile(
          page,
          pngFile('dot.png', 1, 1, () => [200, 200, 200]),
        ),
      'choosing dot.png',
    );
    expect(await alertText(page), 'no alert: a small image is not refused').toBe('');
    await expectShape(page, 'Input image', '1 × 1');
    await expectShape(page, 'Feature map 1', '1 × 1');
    for (const name of ['Max pooling 1', 'Average pooling 1']) {
      expect(await canvas(page, name).count(), `no canvas for the empty "${name}"`).toBe(0);
      const figure = page.getByRole('figure').filter({ hasText: name });
      await expect
        .poll(() => figure.innerText())
        .toMatch(/No output: the 2 × 2 pooling window is larger than the 1 × 1 map/);
    }
    await screenshot(page, 'intake-1x1-en');

    // Sobel x on one pixel with zero padding is 0; a centre weight of 1 makes it the pixel itself.
    const before = await readCanvas(page, 'Feature map 1');
    const cell = kernelCell(page, 1, 2, 2);
    await redrawAfter(
      page,
      async () => {
        await cell.click();
        await page.keyboard.type('1');
        await page.keyboard.press('Enter');
      },
      'typing 1 in the centre cell',
    );
    expect(await alertText(page), 'the edit is taken though the poolings stay empty').toBe('');
    expect(differingPixels(before, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);

    await page.evaluate(() => (location.hash = `${location.hash}`.replace('lang=en', 'lang=ko')));
    await expect
      .poll(() => page.getByText(/출력 없음: 2 × 2 풀링 창이 1 × 1 맵보다 큽니다/).count())
      .toBeGreaterThan(0);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await screenshot(page, 'intake-1x1-ko');
  });
});

describe('links', () => {
  it('in a live tab, a link that does not fit the image is refused: the page, its canvases and the URL stay', async () => {
    const { page } = await open({ hash: '#sample=fashion-mnist-9&lang=en' });
    await expectShape(page, 'Input image', '28 × 28');
    const input = await readCanvas(page, 'Input image');
    const map = await readCanvas(page, 'Feature map 1');
    const hash = await hashOf(page);
    const refused: [string, object, RegExp][] = [
      ['a 32 pooling', { pool: { size: 32 } }, /pooling window is larger than the 28 x 28/],
      ['a 31 × 31 kernel', { filters: [{ weights: ones(31) }], padding: 'valid' }, /leaves no output/],
      ['reflect 1000', { padding: 1000, padMode: 'reflect' }, /reflect padding of 1000/],
      ['dilation 64', { dilation: 64, padding: 'valid' }, /leaves no output/],
      ['a weight of 1e300', { filters: [{ weights: [[1e300]] }] }, /beyond float32/],
    ];
    for (const [what, spec, why] of [...refused, ['unreadable JSON', null, /not valid JSON/] as const]) {
      const link = spec ? specLink(spec) : '#spec=%7Bnot-json&lang=en';
      await page.evaluate((h) => (location.hash = h), link);
      await expect
        .poll(() => alertText(page), { message: `an alert about ${what}` })
        .toMatch(/This link was not opened \(.*\); the previous setup is kept\./);
      expect(await alertText(page), what).toMatch(why);
      await expect.poll(() => hashOf(page), { message: `the URL is written back after ${what}` }).toBe(hash);
      expect(await shapesOf(page, 'Input image'), what).toContain('28 × 28');
      expect(differingPixels(input, await readCanvas(page, 'Input image')), `input after ${what}`).toBe(0);
      expect(differingPixels(map, await readCanvas(page, 'Feature map 1')), `map after ${what}`).toBe(0);
    }
    // Cell edits still work after all that.
    await redrawAfter(
      page,
      async () => {
        await kernelCell(page, 1, 2, 2).click();
        await page.keyboard.type('3');
        await page.keyboard.press('Enter');
      },
      'an edit after the refused links',
    );
    expect(differingPixels(map, await readCanvas(page, 'Feature map 1'))).toBeGreaterThan(0);
    // A link that fits is opened as before.
    await redrawAfter(
      page,
      () => page.evaluate((h) => (location.hash = h), specLink({ stride: 2 })),
      'stride 2',
    );
    await expectShape(page, 'Feature map 1', '14 × 14');
  });

  it('on a first visit, an unreadable link or a weight beyond float32 opens the defaults and says so', async () => {
    for (const [link, why] of [
      ['#spec=%7Bnot-json&lang=en', /not valid JSON/],
      [
        specLink({ filters: [{ weights: [[1e300]] }] }),
        /filters\[0\]\.weights\[0\]\[0\]: is 1e\+300, beyond float32/,
      ],
    ] as const) {
      // What the link says is checked, not how it is drawn: wasm, which starts without compiling shaders.
      const { page } = await open({ query: backendQuery('wasm'), hash: link });
      await expect
        .poll(() => alertText(page))
        .toMatch(/This link could not be opened \(.*\); the defaults are shown instead\./);
      expect(await alertText(page)).toMatch(why);
      await expectShape(page, 'Feature map 1', '28 × 28');
      await expect.poll(() => hashOf(page), { message: 'the URL shows the defaults' }).not.toMatch(/spec=/);
    }
  });
});
