/**
 * The spec menu in the header: Examples (by mouse and by keyboard), Reset, Export spec (a real download
 * whose JSON is the spec) and Import spec (a good file applies; a bad one raises an alert in the page's
 * language and the shapes stay).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/core/spec.ts';
import { EXAMPLES, type CourseExample } from '../../src/examples/examples.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import path from 'node:path';
import {
  alertText,
  downloadedBytes,
  expectShape,
  openSection,
  redrawAfter,
  RESULTS_DIR,
  screenshot,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations (any impact) inside the spec menu and the numbers panel only. */
async function auditMine(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<Result> } }).axe;
    const result = await axe.run(
      { include: [['.spec-menu'], ['.numbers']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

/** The shapes and map count an example promises (the same check as examples.test.ts). */
async function expectExample(page: Page, ex: CourseExample): Promise<void> {
  const { expected } = ex;
  await expectShape(page, 'Input image', expected.input);
  await expectShape(page, 'Filter 1', expected.filter);
  await expectShape(page, 'Feature map 1', expected.conv);
  await expectShape(page, 'Max pooling 1', expected.pool);
  await expect
    .poll(() => page.getByRole('img', { name: /^Feature map \d+$/ }).count(), { message: `${ex.id}: maps` })
    .toBe(expected.maps);
}

function example(id: string) {
  const found = EXAMPLES.find((e) => e.id === id);
  if (!found) throw new Error(`no example ${id}`);
  return found;
}

function jsonFile(name: string, value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

function examplesButton(page: Page) {
  return page.getByRole('button', { name: 'Examples', exact: true });
}

describe('the spec menu', () => {
  it('Examples by mouse, then by keyboard, then Reset keeps the image', async () => {
    const { page } = await open();
    await examplesButton(page).click();
    const menu = page.getByRole('menu', { name: 'Examples' });
    await menu.waitFor();
    // The examples, then the lesson through them.
    expect(await menu.getByRole('menuitem').count()).toBe(EXAMPLES.length + 1);
    await screenshot(page, 'examples-menu');

    const four = example('n-filters');
    await redrawAfter(
      page,
      () => menu.getByRole('menuitem', { name: MESSAGES.en[four.title] }).click(),
      'choosing "4 filters" in Examples',
    );
    expect(await menu.isVisible(), 'the menu closes').toBe(false);
    await expectExample(page, four);

    // Keyboard: ↓ opens on the first item, ↓ again is the second (the 27 × 27 Sobel), Enter opens it.
    const sobel = example('sobel-27-valid');
    await page.mouse.move(5, 880); // away from the menu: the keyboard alone decides
    await examplesButton(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('menuitem');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toContain(MESSAGES.en[sobel.title]);
    await redrawAfter(page, () => page.keyboard.press('Enter'), 'Enter on the Sobel example');
    await expectExample(page, sobel);
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Examples');
    expect(await alertText(page)).toBe('');

    // Escape closes without choosing.
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);

    // Reset: default spec (one 3 × 3 Sobel x, SAME), the 27 × 27 image stays.
    await redrawAfter(page, () => page.getByRole('button', { name: 'Reset', exact: true }).click(), 'Reset');
    await expectShape(page, 'Input image', '27 × 27');
    await expectShape(page, 'Feature map 1', '27 × 27');
    await expectShape(page, 'Max pooling 1', '13 × 13');
    expect(await page.getByRole('img', { name: /^Feature map \d+$/ }).count()).toBe(1);
    expect(await page.evaluate(() => location.hash)).toContain('sample=fashion-mnist-27');
    expect(await page.evaluate(() => location.hash)).not.toContain('spec=');
  });

  it('Export spec downloads the spec as JSON, compact or full', async () => {
    const pool = example('pool-2x2');
    const { page } = await open({
      hash: `#spec=${encodeURIComponent(JSON.stringify(pool.spec))}&sample=${pool.sample}`,
    });
    await expectExample(page, pool);

    const exportAs = async (item: RegExp) => {
      await page.getByRole('button', { name: 'Export spec', exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menu', { name: 'Export spec' }).getByRole('menuitem', { name: item }).click(),
      ]);
      return {
        name: download.suggestedFilename(),
        json: JSON.parse((await downloadedBytes(download)).toString('utf8')) as unknown,
      };
    };

    const full = await exportAs(/^Full JSON/);
    expect(full.name).toBe('kernelscope-spec-full.json');
    expect(full.json).toEqual(parseSpec(pool.spec));
    expect(Object.keys(full.json as object).sort()).toEqual([
      'activation',
      'channels',
      'dilation',
      'filters',
      'flip',
      'padMode',
      'padding',
      'pool',
      'stride',
    ]);

    const compact = await exportAs(/^Compact JSON/);
    expect(compact.name).toBe('kernelscope-spec.json');
    expect(compact.json).toEqual({ padding: 'valid', activation: 'relu' });
    expect(parseSpec(compact.json)).toEqual(parseSpec(pool.spec));
  });

  it('Import spec applies a good file; a bad one raises an alert and keeps the shapes', async () => {
    const { page } = await open({ hash: '#sample=fashion-mnist-9' });
    await expectShape(page, 'Feature map 1', '28 × 28');
    const input = page.getByLabel('Import spec', { exact: true });

    await redrawAfter(
      page,
      () => input.setInputFiles(jsonFile('valid-stride-2.json', { padding: 'valid', stride: [2, 2] })),
      'importing a good spec',
    );
    expect(await alertText(page)).toBe('');
    await expectShape(page, 'Feature map 1', '13 × 13');
    await expectShape(page, 'Max pooling 1', '6 × 6');

    await input.setInputFiles(jsonFile('zero-stride.json', { stride: 0 }));
    await expect.poll(() => alertText(page)).toContain('zero-stride.json');
    expect(await alertText(page)).toContain('“stride”');
    await expectShape(page, 'Feature map 1', '13 × 13');

    await input.setInputFiles(jsonFile('not-json.json', '{ padding: valid'));
    await expect.poll(() => alertText(page)).toContain('not-json.json');
    expect(await alertText(page)).toContain('not JSON');
    await expectShape(page, 'Feature map 1', '13 × 13');
  });

  it('in Korean, a bad spec file is refused in Korean', async () => {
    const { page } = await open({ hash: '#sample=fashion-mnist-9&lang=ko' });
    await page.getByRole('button', { name: '예제', exact: true }).waitFor();
    await page
      .getByLabel('스펙 가져오기', { exact: true })
      .setInputFiles(jsonFile('bad.json', { padding: 'wide' }));
    await expect.poll(() => alertText(page)).toContain('“bad.json”을(를) 가져오지 않았습니다');
    expect(await alertText(page)).toContain('“padding” 필드가 잘못되었습니다');
    await expectShape(page, '특성 맵 1', '28 × 28');
  });

  it('axe finds nothing in the open Examples menu and the numbers panel (English and Korean)', async () => {
    for (const lang of ['en', 'ko']) {
      const rgb = example('rgb-3-channel');
      const { page } = await open({
        hash: `#spec=${encodeURIComponent(JSON.stringify({ ...rgb.spec, channels: 'rgb-per-channel', stride: 2 }))}&sample=chelsea&lang=${lang}`,
      });
      // The numbers are folded: open them as a person would.
      await openSection(page, lang === 'en' ? 'The numbers' : '숫자로 보기');
      await page.getByRole('button', { name: lang === 'en' ? 'Examples' : '예제', exact: true }).click();
      await page.getByRole('menu').first().waitFor();
      const found = await auditMine(page);
      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
      if (lang === 'ko') {
        await screenshot(page, 'examples-menu-ko');
        await page.keyboard.press('Escape');
        await page
          .locator('.numbers')
          .first()
          .screenshot({ path: path.join(RESULTS_DIR, 'numbers-ko-depthwise.png') });
      }
    }
  });
});
