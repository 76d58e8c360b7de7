/**
 * Dense against convolution: a link opens the demo with its units; on the 28 × 28 sample one unit needs
 * 28 · 28 · 1 · 1 + 1 = 785 parameters against the default filter's 3 · 3 · 1 · 1 + 1 = 10; the slider
 * and the number field change the units, and the link keeps them. Screenshots at 1400 and 390 px, en and ko.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isSectionOpen, screenshot, typeInto, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations inside the demo's region (ids and the first nodes). */
async function auditDemo(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<unknown> } }).axe;
    const result = (await axe.run({ include: [['.dense-demo']] }, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const region = (page: Page, name = 'Dense against convolution') =>
  page.getByRole('region', { name, exact: true });

/** The region's text with white space collapsed. */
async function textOf(page: Page, name?: string): Promise<string> {
  return (await region(page, name).innerText()).replace(/\s+/g, ' ');
}

async function shoot(page: Page, name: string, width: number, regionName?: string): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await region(page, regionName)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, name);
}

describe('dense against convolution', () => {
  it('the link opens it with 1 unit: 785 against 10; the slider and typing change the units and the link', async () => {
    const { page } = await open({ hash: '#sample=fashion-mnist-9&demo=dense&open=dense&units=1' });
    expect(await isSectionOpen(page, 'Dense against convolution')).toBe(true);
    await expect.poll(() => textOf(page)).toContain('H·W·C·N + N = 28 × 28 × 1 × 1 + 1 = 785');
    const text = await textOf(page);
    expect(text).toContain('kh·kw·C·F + F = 3 × 3 × 1 × 1 + 1 = 10');
    expect(text).toContain('500 × 500 × 1 × 1 + 1 = 250,001');
    expect(text).toContain('×79 the convolution');
    expect(text).toContain('×25,000 the convolution');
    expect(text).toContain('Layer 1 reads the image: 28 × 28 × 1, flattened into 784 values.');
    const chart = region(page).getByRole('img');
    expect(await chart.getAttribute('aria-label')).toContain('Dense, N = 1 785 (×79)');

    // The slider: one step right from 1 is 2 units.
    const slider = region(page).getByRole('slider', { name: 'Dense units', exact: true });
    await slider.focus();
    expect(await slider.getAttribute('aria-valuetext')).toBe('1 unit');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => textOf(page)).toContain('28 × 28 × 1 × 2 + 2 = 1,570');
    expect(await slider.getAttribute('aria-valuetext')).toBe('2 units');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)units=2(&|$)/);

    // Typing 100: exactly 100, the slider at its nearest stop (96), the link says 100.
    const field = region(page).getByRole('spinbutton', { name: 'Dense units (type a number)' });
    await typeInto(field, '100');
    await expect.poll(() => textOf(page)).toContain('28 × 28 × 1 × 100 + 100 = 78,500');
    expect(await textOf(page)).toContain('×7,850 the convolution');
    expect(await slider.getAttribute('aria-valuetext')).toBe('100 units');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)units=100(&|$)/);
    expect(await page.evaluate(() => location.hash)).toContain('demo=dense');

    // Above the largest: the largest.
    await typeInto(field, '5000');
    expect(await field.inputValue()).toBe('4096');
    await expect.poll(() => textOf(page)).toContain('28 × 28 × 1 × 4096 + 4096 = 3,215,360');
    await typeInto(field, '100');
    await expect.poll(() => textOf(page)).toContain('28 × 28 × 1 × 100 + 100 = 78,500');

    // The same link again shows 100 units.
    const hash = await page.evaluate(() => location.hash);
    const { page: again } = await open({ hash });
    await expect.poll(() => textOf(again)).toContain('28 × 28 × 1 × 100 + 100 = 78,500');
    expect(await auditDemo(again), 'axe: serious or critical violations').toEqual([]);
    await shoot(again, 'dense-demo-1400-en', 1400);
    await shoot(again, 'dense-demo-390-en', 390);
  });

  it('a deeper layer and RGB: the input is the maps fed in; in Korean', async () => {
    const sobel = {
      weights: [
        [-1, 0, 1],
        [-2, 0, 2],
        [-1, 0, 1],
      ],
    };
    const layers = [{ channels: 'rgb', filters: Array(4).fill(sobel) }, { filters: [sobel, sobel] }];
    const spec = encodeURIComponent(JSON.stringify({ layers }));
    const { page } = await open({ hash: `#spec=${spec}&sample=fashion-mnist-9&demo=dense&units=64` });
    await expect.poll(() => textOf(page)).toContain('3 × 3 × 3 × 4 + 4 = 112');
    expect(await textOf(page)).toContain('28 × 28 × 3 × 64 + 64 = 150,592');
    await page.getByRole('button', { name: 'Edit layer 2' }).click();
    await expect
      .poll(() => textOf(page))
      .toContain('Layer 2 reads the 4 maps of layer 1: 14 × 14 × 4, flattened into 784 values.');
    expect(await textOf(page)).toContain('3 × 3 × 4 × 2 + 2 = 74');
    expect(await textOf(page)).toContain('14 × 14 × 4 × 64 + 64 = 50,240');

    const { page: ko } = await open({ hash: '#sample=fashion-mnist-9&demo=dense&units=128&lang=ko' });
    await expect.poll(() => textOf(ko, 'Dense와 합성곱 비교')).toContain('28 × 28 × 1 × 128 + 128 = 100,480');
    expect(await textOf(ko, 'Dense와 합성곱 비교')).toContain('합성곱의 ×10,048');
    expect(await auditDemo(ko), 'axe in Korean').toEqual([]);
    await shoot(ko, 'dense-demo-1400-ko', 1400, 'Dense와 합성곱 비교');
    await shoot(ko, 'dense-demo-390-ko', 390, 'Dense와 합성곱 비교');
  });
});
