/**
 * The focus view: "Enlarge" on a map opens the input and that map side by side at the same scale (a
 * stride-2 VALID map's pixel over the input region it came from), zoom (keyboard, wheel) and pan (drag)
 * shared by both panes, crisp pixels, the inspector answering for the pixel pointed at inside it; Escape
 * closes it and the focus returns to the button.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWithLegends, screenshot, useBrowser, type OpenOptions } from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

const openDrawn = (options: OpenOptions) => openWithLegends(open, options);

/** 28 × 28 input, 3 × 3 VALID at stride 2: a 13 × 13 map whose pixel 0 covers input [0.5, 2.5). */
const SPEC = { padding: 'valid', stride: [2, 2] };
const LINK = `#spec=${encodeURIComponent(JSON.stringify(SPEC))}&sample=fashion-mnist-9`;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

/** The computed transform of each pane's content, and the zoom each reports. */
async function paneTransforms(dialog: Locator): Promise<{ transform: string; zoom: string }[]> {
  return dialog.locator('.focus-content').evaluateAll((els) =>
    els.map((el) => ({
      transform: getComputedStyle(el).transform,
      zoom: el.getAttribute('data-zoom') ?? '',
    })),
  );
}

async function zoomOf(dialog: Locator): Promise<number> {
  const [first] = await paneTransforms(dialog);
  return Number(first?.zoom);
}

async function openFocus(page: Page, button: string, title: string): Promise<Locator> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

describe('focus view', { timeout: 240_000 }, () => {
  it('enlarges a map beside the input at one scale, zooms and pans both, inspects inside, Escape returns', async () => {
    const page = await openDrawn({ hash: `${LINK}&lang=en` });
    const dialog = await openFocus(page, 'Enlarge Feature map 1', 'Feature map 1, enlarged');
    const input = dialog.getByRole('img', { name: 'Input image, enlarged', exact: true });
    const map = dialog.getByRole('img', { name: 'Feature map 1, enlarged', exact: true });
    // Drawn by the engine at the map's own resolution, shown with crisp pixels.
    await expect.poll(() => map.evaluate((c) => (c as HTMLCanvasElement).width)).toBe(13);
    await expect.poll(() => input.evaluate((c) => (c as HTMLCanvasElement).width)).toBe(28);
    for (const canvas of [input, map]) {
      expect(await canvas.evaluate((c) => getComputedStyle(c).imageRendering)).toBe('pixelated');
    }

    // Zoom with the keyboard (+ twice) on the panes, then the wheel over the map.
    const fitted = await zoomOf(dialog);
    await dialog.getByRole('group', { name: 'Input and map at the same scale' }).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(() => zoomOf(dialog)).toBeCloseTo(fitted * 1.25 ** 2, 5);
    const panes = dialog.locator('.focus-pane');
    const mapPane = await box(panes.nth(1));
    await page.mouse.move(mapPane.x + mapPane.width / 3, mapPane.y + mapPane.height / 3);
    await page.mouse.wheel(0, -200);
    await expect.poll(() => zoomOf(dialog)).toBeCloseTo(fitted * 1.25 ** 4, 5);
    // Pan by dragging the input pane.
    const before = await paneTransforms(dialog);
    const inputPane = await box(panes.nth(0));
    await page.mouse.move(inputPane.x + 100, inputPane.y + 100);
    await page.mouse.down();
    await page.mouse.move(inputPane.x + 160, inputPane.y + 130, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => (await paneTransforms(dialog))[0]?.transform)
      .not.toBe(before[0]?.transform);

    // Both panes: the same transform, and one scale (input pixels per CSS pixel), the map placed over
    // the input region it came from: 2 input pixels a map pixel, starting half an input pixel in.
    const [a, b] = await paneTransforms(dialog);
    expect(a).toEqual(b);
    const zoom = Number(a?.zoom);
    const [ib, mb] = [await box(input), await box(map)];
    const [ip, mp] = [await box(panes.nth(0)), await box(panes.nth(1))];
    // The canvases' boxes carry a 1 px border around the picture.
    expect((ib.width - 2) / 28).toBeCloseTo(zoom, 1);
    expect((mb.width - 2) / 13).toBeCloseTo(2 * zoom, 1);
    expect(mb.x - mp.x - (ib.x - ip.x)).toBeCloseTo(0.5 * zoom, 0);
    expect(mb.y - mp.y - (ib.y - ip.y)).toBeCloseTo(0.5 * zoom, 0);

    // Point at map pixel (row 4, column 6) inside the focus view: the inspector there explains it.
    const visible = await box(map);
    const pixel = (mb.width - 2) / 13;
    await page.mouse.move(mb.x + 1 + pixel * 5.5, mb.y + 1 + pixel * 3.5);
    expect(visible.width).toBeGreaterThan(0);
    await expect
      .poll(() => dialog.locator('.ins-summary').textContent())
      .toMatch(/^Feature map 1, row 4, column 6 = /);
    await screenshot(page, 'focus-view');

    // Escape closes it; the focus is back on the button that opened it.
    await dialog.getByRole('group', { name: 'Input and map at the same scale' }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Enlarge Feature map 1',
    );
  });

  it('reads in Korean', async () => {
    const page = await openDrawn({ hash: `${LINK}&lang=ko` });
    const dialog = await openFocus(page, '특성 맵 1 크게 보기', '특성 맵 1 크게 보기');
    await expect
      .poll(() =>
        dialog
          .getByRole('img', { name: '특성 맵 1 (크게)', exact: true })
          .evaluate((c) => (c as HTMLCanvasElement).width),
      )
      .toBe(13);
    await screenshot(page, 'focus-view-ko');
  });
});
