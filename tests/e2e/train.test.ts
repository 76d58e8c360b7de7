/**
 * Training a CNN in the page (issue 14, part 2): the Train panel trains in a worker on a few images
 * (`?trainImages=3200`, 100 batches an epoch, two epochs: seconds), the curves and progress move,
 * Pause holds the batch count and Resume moves it on, the page answers input within 100 ms while it
 * trains (Event Timing), and at the end the held-out accuracy, the confusion matrix, a model whose
 * accuracy recomputed here from its JSON alone is the page's, and "Use in the workbench" showing the 8
 * learned filters' maps. Then the panel in Korean.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCpuBackend } from '../../src/cli/backend.ts';
import { loadFashionMnist } from '../../src/cli/fashionData.ts';
import { HELD_OUT_RANGE } from '../../src/train/fashionMnist.ts';
import { modelLogits, parseModel, predictions } from '../../src/train/model.ts';
import { canvas, downloadedBytes, kernelCell, screenshot, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TRAIN_IMAGES = 3200;
const BATCHES = TRAIN_IMAGES / 32;
const LATENCY_LIMIT_MS = 100;

interface EventTiming {
  name: string;
  /** From the input to the next frame painted after its handlers. */
  duration: number;
  /** From the input to its first handler starting: what a busy main thread makes it wait. */
  delay: number;
}

/** Records every input event slower than 16 ms (Event Timing API) in `window.eventDurations`. */
function recordEventTimings(): void {
  const timings: EventTiming[] = [];
  (window as unknown as { eventDurations: EventTiming[] }).eventDurations = timings;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      timings.push({
        name: entry.name,
        duration: entry.duration,
        delay: entry.processingStart - entry.startTime,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

/** The input events recorded since the last call (the list emptied). */
async function eventTimings(page: Page): Promise<EventTiming[]> {
  return page.evaluate(() => {
    const list = (window as unknown as { eventDurations: EventTiming[] }).eventDurations;
    return list.splice(0, list.length);
  });
}

/** The batch within the epoch the progress line names ("batch 12 of 50"). */
async function batchShown(page: Page): Promise<number> {
  const text = (await page.locator('.train-progress p').textContent()) ?? '';
  const match = /batch (\d+) of/.exec(text);
  return match ? Number(match[1]) : -1;
}

async function phase(page: Page): Promise<string | null> {
  return page.locator('.train-phase').getAttribute('data-phase');
}

beforeAll(async () => {
  await initCpuBackend();
});

describe('training a CNN in the page', () => {
  it('trains, pauses, resumes, stays responsive, ends with a model the workbench runs', async () => {
    const { page } = await open({
      query: `?backend=wasm&trainImages=${TRAIN_IMAGES}`,
      initScript: recordEventTimings,
    });
    const panel = page.locator('section.train-panel');
    await page.getByRole('heading', { name: 'Train a CNN on Fashion-MNIST' }).waitFor();
    expect(await panel.textContent()).toContain(
      '28×28 → 3×3×8 ReLU → max pool 2×2 → 3×3×16 ReLU → max pool 2×2 → dense 10',
    );
    // Nothing heavy before Start: no worker yet.
    expect(page.workers()).toHaveLength(0);

    await panel.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await page.waitForFunction(
      () =>
        Number(/batch (\d+) of/.exec(document.querySelector('.train-progress p')?.textContent ?? '')?.[1]) >=
        3,
      null,
      { timeout: 60_000 },
    );
    expect(page.workers()).toHaveLength(1);
    await panel.locator('.line-chart').first().waitFor();

    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'train-mid');
    await panel.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(
      () => document.querySelector('.train-phase')?.getAttribute('data-phase') === 'paused',
    );
    await page.waitForTimeout(500);
    const paused = await batchShown(page);
    await page.waitForTimeout(1500);
    expect(await batchShown(page)).toBe(paused);
    // Another image to follow shows at once, paused or not.
    const trouser = panel.getByRole('button', { name: /^Follow image \d+: Trouser/ });
    await trouser.click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('section.train-panel [aria-pressed="true"]')].some((el) =>
        el.getAttribute('aria-label')?.includes('Trouser'),
      ),
    );
    expect(await batchShown(page)).toBe(paused);
    await panel.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(
      (at) => {
        const text = document.querySelector('.train-progress p')?.textContent ?? '';
        const batch = Number(/batch (\d+) of/.exec(text)?.[1] ?? -1);
        const phase = document.querySelector('.train-phase')?.getAttribute('data-phase');
        return batch > at || phase === 'done';
      },
      paused,
      { timeout: 30_000 },
    );
    expect(paused).toBeLessThan(BATCHES);

    // Input while training. What training could cost the page is a busy main thread, seen as the input
    // delay (input to its first handler running) of inputs that start no work of their own: moving
    // between the kernel editor's cells with the arrow keys. Each must wait at most 100 ms. An edit
    // recomputes the workbench, and the next key waits behind that (the page's own work, training or
    // not); its figures and the durations to the next frame (on a shared 2-core machine under load,
    // the scheduler's too) are logged, not asserted.
    const cell = kernelCell(page, 1, 2, 2);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await page.waitForTimeout(300);
    await page.evaluate(
      () => ((window as unknown as { eventDurations: unknown[] }).eventDurations.length = 0),
    );
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(120);
    }
    const moves = await eventTimings(page);
    console.log(
      `moves: ${JSON.stringify(moves.map((e) => [e.name, Math.round(e.duration), Math.round(e.delay)]))}`,
    );
    for (const value of ['3', '1', '4']) {
      await cell.click();
      await cell.press('Control+A');
      await cell.pressSequentially(value);
      await cell.press('Enter');
      await page.waitForTimeout(150);
    }
    expect(await phase(page)).toBe('training');
    const all = await eventTimings(page);
    const worst = (list: EventTiming[], of: (e: EventTiming) => number) => Math.max(0, ...list.map(of));
    console.log(
      `while training: moving between cells: input delay worst ${worst(moves, (e) => e.delay)} ms, ` +
        `${worst(moves, (e) => e.duration)} ms to the next frame; editing a cell: ` +
        `input delay worst ${worst(all, (e) => e.delay)} ms, ${worst(all, (e) => e.duration)} ms to the next frame`,
    );
    const keys = moves.filter((e) => e.name.startsWith('key'));
    expect(keys.length).toBeGreaterThan(0);
    expect(worst(keys, (e) => e.delay)).toBeLessThanOrEqual(LATENCY_LIMIT_MS);

    await page.waitForFunction(
      () => document.querySelector('.train-phase')?.getAttribute('data-phase') === 'done',
      null,
      {
        timeout: 120_000,
      },
    );
    const accuracy = Number(await panel.locator('.train-accuracy-value').getAttribute('data-accuracy'));
    expect(accuracy).toBeGreaterThan(0.5);
    expect(await panel.locator('.train-accuracy-value').textContent()).toBe(
      `${(accuracy * 100).toFixed(1)}%`,
    );
    await panel.getByRole('table').waitFor();
    await screenshot(page, 'train-end');
    // The whole panel at its fullest (settings, progress, views, results) passes axe.
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<unknown> } })
        .axe;
      const found = (await axe.run(document.querySelector('section.train-panel')!, {
        resultTypes: ['violations'],
      })) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
      return found.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // The exported model's accuracy, recomputed here from its JSON alone, is the page's.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export model' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kernelscope-model.json');
    const json: unknown = JSON.parse((await downloadedBytes(download)).toString('utf8'));
    const model = parseModel(json);
    const data = loadFashionMnist();
    const predicted = predictions(
      modelLogits(model, data.images, HELD_OUT_RANGE.start, HELD_OUT_RANGE.count),
    );
    const right = predicted.filter((p, n) => p === data.labels[HELD_OUT_RANGE.start + n]).length;
    expect(right / HELD_OUT_RANGE.count).toBe(accuracy);
    expect(tf.memory().numTensors).toBe(0);

    // Import: a bad file is refused with a message and the model stays; the exported file comes back with
    // the same held-out accuracy, measured again in the worker.
    const fileInput = panel.getByLabel('Model file (JSON) to import');
    await fileInput.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"layers": 3}'),
    });
    await panel.getByRole('alert').waitFor();
    expect(await panel.getByRole('alert').textContent()).toContain('bad.json');
    expect(Number(await panel.locator('.train-accuracy-value').getAttribute('data-accuracy'))).toBe(accuracy);
    await fileInput.setInputFiles({
      name: 'kernelscope-model.json',
      mimeType: 'application/json',
      buffer: await downloadedBytes(download),
    });
    await page.waitForFunction(() => document.querySelector('.train-accuracy-value') === null);
    await panel.locator('.train-accuracy-value').waitFor({ timeout: 60_000 });
    expect(Number(await panel.locator('.train-accuracy-value').getAttribute('data-accuracy'))).toBe(accuracy);
    expect(await panel.textContent()).toContain('Imported from kernelscope-model.json');

    // Use in the workbench: the learned network on the Fashion-MNIST sample, its 8 maps drawn.
    const before = Number(await page.locator('main').getAttribute('data-frames'));
    await page.getByRole('button', { name: 'Use in the workbench' }).click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('main')?.getAttribute('data-frames')) > n,
      before,
    );
    await canvas(page, 'Feature map 8').waitFor({ state: 'attached' });
    const learned = model.network.layers[0]!.filters[0]!.weights as number[][];
    const shown = Number(await kernelCell(page, 1, 1, 1).inputValue());
    // The editor shows 3 significant digits (0.00273 for 0.0027253…): the learned value, in pixel units.
    expect(Math.abs(shown - learned[0]![0]!)).toBeLessThanOrEqual(0.005 * Math.abs(learned[0]![0]!) + 1e-9);
    expect(await page.evaluate(() => location.hash)).toContain('sample=fashion-mnist-9');
    await screenshot(page, 'train-workbench');
  }, 300_000);

  it('speaks Korean', async () => {
    const { page } = await open({ query: '?backend=wasm', hash: '#lang=ko' });
    await page.getByRole('heading', { name: 'Fashion-MNIST로 CNN 학습' }).waitFor();
    await page.getByRole('button', { name: 'CNN 학습 시작' }).waitFor();
    await page.getByRole('button', { name: '모델 가져오기' }).waitFor();
    const panel = page.locator('section.train-panel');
    expect(await panel.getByRole('spinbutton', { name: '에포크' }).inputValue()).toBe('10');
    expect(await panel.getByRole('combobox', { name: '옵티마이저' }).inputValue()).toBe('adam');
  });
});
