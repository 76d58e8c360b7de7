/**
 * An edit to one filter recomputes and redraws that filter's maps alone (src/engine/engine.ts, patches):
 * after edits to each of two filters, every map shows what a fresh page computing the whole layer from
 * the same link shows, pixel for pixel, on webgl and on wasm.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvas, differingPixels, kernelCell, readCanvas, redrawAfter, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

const MAPS = ['Feature map', 'Max pooling', 'Average pooling'].flatMap((stage) => [
  `${stage} 1`,
  `${stage} 2`,
]);

async function typeCell(
  page: Page,
  filter: number,
  row: number,
  column: number,
  value: string,
): Promise<void> {
  // The editor shows the selected filter's cells: its tab first.
  const tabs = page.getByRole('tablist', { name: 'Filters' });
  await tabs.getByRole('tab', { name: `Filter ${filter}`, exact: true }).click();
  const cell = kernelCell(page, filter, row, column);
  await redrawAfter(
    page,
    async () => {
      await cell.click();
      await cell.press('ControlOrMeta+a');
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    },
    `typing ${value} into filter ${filter}`,
  );
}

describe('an edit to one filter', () => {
  it.each(['webgl', 'wasm'])('redraws its maps as a fresh page computes them (%s)', async (backend) => {
    const query = `?backend=${backend}`;
    const { page } = await open({ query });
    await redrawAfter(
      page,
      () => page.getByRole('button', { name: 'Add filter', exact: true }).click(),
      'Add filter',
    );
    expect(await canvas(page, 'Feature map 2').count()).toBe(1);
    const before = await readCanvas(page, 'Feature map 2');
    await typeCell(page, 2, 2, 2, '-3');
    await typeCell(page, 1, 1, 3, '4');
    await typeCell(page, 2, 1, 1, '2');
    expect(
      differingPixels(before, await readCanvas(page, 'Feature map 2')),
      'the edits changed map 2',
    ).toBeGreaterThan(0);

    const edited = Object.fromEntries(
      await Promise.all(MAPS.map(async (name) => [name, await readCanvas(page, name)] as const)),
    );
    const hash = await page.evaluate(() => location.hash);
    const { page: fresh } = await open({ query, hash });
    for (const name of MAPS) {
      const whole = await readCanvas(fresh, name);
      expect(
        differingPixels(edited[name]!, whole),
        `${name}: edited page vs a fresh page of the same link`,
      ).toBe(0);
    }
  });
});
