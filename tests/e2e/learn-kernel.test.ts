/**
 * Learn a kernel in the page (issue 14, part 1): on the camera sample, with Sobel x as the hidden target,
 * "Start learning" runs gradient descent in a worker; the loss falls, it converges by itself within a time
 * limit, filter 1's cells in the kernel editor end within 0.05 of Sobel x, Pause and Resume hold and go on,
 * Reset puts the target back, and the panel speaks Korean. Screenshots mid-run and at the end, at 1280
 * and 390 px wide, go to test-results/e2e/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { kernelCell, screenshot, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
/** Converging takes about 2 s on an idle machine (370 steps on a 256 × 256 copy); generous under load. */
const CONVERGE_MS = 90_000;

async function filterOne(page: Page): Promise<number[][]> {
  const rows: number[][] = [];
  for (let r = 1; r <= 3; r++) {
    const row: number[] = [];
    for (let c = 1; c <= 3; c++)
      row.push(Number((await kernelCell(page, 1, r, c).inputValue()).replace(',', '.')));
    rows.push(row);
  }
  return rows;
}

function largestDifference(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, r) => row.map((v, c) => Math.abs(v - b[r]![c]!))));
}

const status = (page: Page) => page.locator('.learn-panel .learn-status');

async function phaseOf(page: Page): Promise<{ phase: string; step: number }> {
  const el = status(page);
  return {
    phase: (await el.getAttribute('data-phase')) ?? '',
    step: Number(await el.getAttribute('data-step')),
  };
}

async function waitForPhase(page: Page, phase: string, timeout = CONVERGE_MS): Promise<void> {
  try {
    await page.waitForFunction(
      (want) => document.querySelector('.learn-panel .learn-status')?.getAttribute('data-phase') === want,
      phase,
      { timeout, polling: 50 },
    );
  } catch (error) {
    const now = await phaseOf(page);
    throw new Error(
      `waiting for "${phase}", the panel is "${now.phase}" at step ${now.step}: ${String(error)}`,
      { cause: error },
    );
  }
}

/** Losses read off the chart's accessible name as the run goes (one per poll). */
async function losses(page: Page): Promise<number[]> {
  const label =
    (await page
      .locator('.learn-panel svg[aria-label], .learn-panel [role="img"]')
      .first()
      .getAttribute('aria-label')) ?? '';
  const match = /([0-9.]+(?:e[-+]?[0-9]+)?) at step/i.exec(label);
  return match ? [Number(match[1])] : [];
}

describe('learn a kernel', () => {
  it.each([1280, 390])('learns Sobel x on the camera sample, at %i px wide', async (width) => {
    const { page } = await open({ hash: '#sample=camera' });
    await page.setViewportSize({ width, height: 900 });
    const panel = page.getByRole('region', { name: 'Learn a kernel' });
    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole('combobox', { name: 'Target filter' }).selectOption('sobel-x');
    // The target is hidden: a grid of "?", until Reveal.
    await expect
      .poll(() => panel.getByRole('table', { name: 'Hidden target' }).innerText())
      .toMatch(/^[?\s]+$/);
    // A slower rate so the run can be watched, paused and resumed.
    const rate = panel.getByRole('spinbutton', { name: 'Learning rate' });
    await rate.fill('0.005');

    await panel.getByRole('button', { name: 'Start learning' }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('.learn-panel .learn-status')?.getAttribute('data-step')) >= 30,
      null,
      { timeout: CONVERGE_MS, polling: 50 },
    );
    const early = await losses(page);
    await panel.getByRole('button', { name: 'Pause' }).click();
    await waitForPhase(page, 'paused', 10_000);
    // Updates the worker posted before it saw the pause may still land: wait until the step stands still.
    let pausedAt = -1;
    await expect
      .poll(
        async () => {
          const before = pausedAt;
          pausedAt = (await phaseOf(page)).step;
          return pausedAt === before;
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(true);
    await screenshot(page, `learn-kernel-mid-${width}`);
    // The workbench while paused: filter 1 half learned, its feature map half formed.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `learn-kernel-mid-top-${width}`);
    await panel.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    expect((await phaseOf(page)).step, 'no steps while paused').toBe(pausedAt);
    await panel.getByRole('button', { name: 'Resume' }).click();

    await waitForPhase(page, 'ended');
    const text = await status(page).innerText();
    expect(text).toMatch(/^Converged after \d+ steps: largest difference from the target [0-9.e-]+\.$/);
    expect((await phaseOf(page)).step).toBeGreaterThan(pausedAt);
    const late = await losses(page);
    expect(late[0]!, 'the loss fell').toBeLessThan(early[0]! / 100);
    const learned = await filterOne(page);
    expect(largestDifference(learned, SOBEL_X), `filter 1 = ${JSON.stringify(learned)}`).toBeLessThan(0.05);
    await screenshot(page, `learn-kernel-end-${width}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `learn-kernel-end-top-${width}`);

    // Reset puts the exact target back into filter 1.
    await kernelCell(page, 1, 2, 2).fill('7');
    await panel.getByRole('button', { name: 'Put the target back' }).click();
    await expect.poll(() => filterOne(page)).toEqual(SOBEL_X);
  });

  it('Stop keeps the learned filter; the panel speaks Korean', async () => {
    const { page } = await open({ hash: '#sample=camera' });
    const panel = page.getByRole('region', { name: 'Learn a kernel' });
    await panel.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.005');
    await panel.getByRole('button', { name: 'Start learning' }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('.learn-panel .learn-status')?.getAttribute('data-step')) >= 20,
      null,
      { timeout: CONVERGE_MS, polling: 50 },
    );
    await panel.getByRole('button', { name: 'Stop' }).click();
    await waitForPhase(page, 'ended', 10_000);
    expect(await status(page).innerText()).toMatch(/^Stopped after \d+ steps/);
    expect(largestDifference(await filterOne(page), SOBEL_X)).toBeGreaterThan(0.05);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    const korean = page.getByRole('region', { name: '필터 학습하기' });
    await expect.poll(() => korean.isVisible()).toBe(true);
    for (const name of ['학습 시작', '멈춤', '목표 필터 되돌리기', '보기'])
      expect(await korean.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    expect(await korean.getByRole('combobox', { name: '목표 필터' }).count()).toBe(1);
    expect(await status(page).innerText()).toMatch(/단계에서 멈춤/);
  });
});
