/**
 * The share link (CONTRACT.md section 4): `#spec=` + URI-encoded spec JSON opens that spec; a malformed hash
 * opens the defaults with an alert and leaves a working page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scene } from './fixtures.ts';
import {
  alertText,
  chooseFile,
  expectShape,
  redrawAfter,
  shapesOf,
  typeInto,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

function paddingRadio(page: Page, name: 'Valid' | 'Same') {
  return page
    .getByRole('radiogroup', { name: 'Padding', exact: true })
    .getByRole('radio', { name, exact: true });
}

function stride(page: Page) {
  return page.getByRole('spinbutton', { name: 'Stride', exact: true });
}

/** [H, W] of the input image, from its figcaption. */
async function inputSize(page: Page): Promise<[number, number]> {
  const shape = (await shapesOf(page, 'Input image'))[0];
  const match = shape?.match(/^(\d+) × (\d+)/);
  if (!match)
    throw new Error(`the "Input image" figcaption shows no H × W shape (saw ${JSON.stringify(shape)})`);
  return [Number(match[1]), Number(match[2])];
}

describe('the share link', () => {
  it('#spec={"padding":"valid","stride":[2,2]} opens valid padding with stride 2 and the matching shapes', async () => {
    const spec = { padding: 'valid', stride: [2, 2] };
    const { page } = await open({ hash: `#spec=${encodeURIComponent(JSON.stringify(spec))}` });
    expect(await alertText(page), 'a good spec raises no alert').toBe('');
    expect(await paddingRadio(page, 'Valid').isChecked(), '"Valid" is checked').toBe(true);
    expect(await stride(page).inputValue(), 'Stride shows 2').toBe('2');

    // Whatever the sample's size, a 3 × 3 filter with no padding and stride 2 gives floor((n − 3) / 2) + 1.
    const [h, w] = await inputSize(page);
    const conv = [Math.floor((h - 3) / 2) + 1, Math.floor((w - 3) / 2) + 1] as const;
    await expectShape(page, 'Feature map 1', `${conv[0]} × ${conv[1]}`);
    await expectShape(page, 'Max pooling 1', `${Math.floor(conv[0] / 2)} × ${Math.floor(conv[1] / 2)}`);

    // And on an image of known size: 28 × 28 → 13 × 13 → 6 × 6.
    await redrawAfter(page, () => chooseFile(page, scene('known.png', 28, 28)), 'choosing a 28 × 28 PNG');
    await expectShape(page, 'Feature map 1', '13 × 13');
    await expectShape(page, 'Max pooling 1', '6 × 6');
    await expectShape(page, 'Average pooling 1', '6 × 6');
  });

  it('a malformed hash (#spec=%7Bnot-json) opens the defaults with an alert, and the page works', async () => {
    const { page } = await open({ hash: '#spec=%7Bnot-json', allowConsoleErrors: true });
    await expect
      .poll(() => alertText(page), { message: 'a role alert about the malformed link' })
      .not.toBe('');

    // The defaults: same padding, stride 1, so the first map keeps the image's size.
    expect(await paddingRadio(page, 'Same').isChecked(), '"Same" is checked (the default)').toBe(true);
    expect(await stride(page).inputValue(), 'Stride shows 1 (the default)').toBe('1');
    const [h, w] = await inputSize(page);
    await expectShape(page, 'Feature map 1', `${h} × ${w}`);

    // It still answers: stride 2 halves the map (same padding: ceil(n / 2)).
    await redrawAfter(page, () => typeInto(stride(page), '2'), 'typing 2 into Stride');
    await expectShape(page, 'Feature map 1', `${Math.ceil(h / 2)} × ${Math.ceil(w / 2)}`);
  });

  it('a spec chosen on the page is in the link, and the link reopens it', async () => {
    const { page } = await open();
    await redrawAfter(page, () => paddingRadio(page, 'Valid').check(), 'choosing Valid padding');
    await redrawAfter(page, () => typeInto(stride(page), '2'), 'typing 2 into Stride');
    await expect
      .poll(() => page.evaluate(() => location.hash), { message: 'the hash holds the state' })
      .not.toBe('');
    const link = await page.evaluate(() => location.hash);

    const { page: reopened } = await open({ hash: link });
    expect(await paddingRadio(reopened, 'Valid').isChecked(), '"Valid" is checked after reopening').toBe(
      true,
    );
    expect(await stride(reopened).inputValue(), 'Stride shows 2 after reopening').toBe('2');
  });
});
