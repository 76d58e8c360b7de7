/** Editing the kernel: typing a weight into a cell and choosing presets each change the feature map. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scene } from './fixtures.ts';
import type { Pixels } from './support.ts';
import { chooseFile, differingPixels, kernelCell, readCanvas, redrawAfter, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

async function openWithScene(): Promise<Page> {
  const { page } = await open();
  await redrawAfter(page, () => chooseFile(page, scene('scene.png', 48, 40)), 'choosing scene.png');
  return page;
}

function expectChanged(before: Pixels, after: Pixels, what: string): void {
  expect(
    differingPixels(before, after),
    `"Feature map 1" pixels changed after ${what} (read by ${after.source})`,
  ).toBeGreaterThan(0);
}

/** Chooses an option of the "Kernel preset" combobox by its visible name: a native <select> or an ARIA listbox. */
async function choosePreset(page: Page, label: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Kernel preset', exact: true });
  const isSelect = await picker.evaluate((el) => el instanceof HTMLSelectElement);
  if (isSelect) {
    await picker.selectOption({ label });
  } else {
    await picker.click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }
}

describe('the kernel editor', () => {
  it('typing a new weight into "Filter 1 row 2 column 2" changes "Feature map 1"', async () => {
    const page = await openWithScene();
    const cell = kernelCell(page, 1, 2, 2);
    expect(await cell.count(), 'one spinbutton or textbox "Filter 1 row 2 column 2"').toBe(1);
    const current = Number((await cell.inputValue()).replace(',', '.'));
    const next = current === 5 ? '-3' : '5';

    const before = await readCanvas(page, 'Feature map 1');
    await redrawAfter(
      page,
      async () => {
        await cell.click();
        await cell.press('ControlOrMeta+a');
        await page.keyboard.type(next);
      },
      `typing ${next} into the centre cell`,
    );
    expect(Number(await cell.inputValue()), 'the cell shows what was typed').toBe(Number(next));
    expectChanged(before, await readCanvas(page, 'Feature map 1'), `typing ${next} into the centre cell`);
  });

  it('the presets Identity, Sobel x, Sobel y and Box blur each change "Feature map 1"', async () => {
    const page = await openWithScene();
    // The default filter is Sobel x, so Identity comes first: every choice is a change.
    let before = await readCanvas(page, 'Feature map 1');
    for (const preset of ['Identity', 'Sobel x', 'Sobel y', 'Box blur']) {
      await redrawAfter(page, () => choosePreset(page, preset), `choosing the preset "${preset}"`);
      const after = await readCanvas(page, 'Feature map 1');
      expectChanged(before, after, `choosing "${preset}"`);
      before = after;
    }
  });

  it('Identity puts the weight 1 in the centre cell and 0 around it', async () => {
    const page = await openWithScene();
    await redrawAfter(page, () => choosePreset(page, 'Identity'), 'choosing Identity');
    for (let r = 1; r <= 3; r++) {
      for (let c = 1; c <= 3; c++) {
        const value = Number((await kernelCell(page, 1, r, c).inputValue()).replace(',', '.'));
        expect(value, `Filter 1 row ${r} column ${c}`).toBe(r === 2 && c === 2 ? 1 : 0);
      }
    }
  });
});
