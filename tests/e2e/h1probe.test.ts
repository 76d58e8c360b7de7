/** TEMPORARY probe (H1): does the engine draw frames while nothing changes? */
import { describe, expect, it } from 'vitest';
import { frames, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

describe('probe', () => {
  it.each(['webgl', 'wasm'])('idle page draws no frames (%s)', async (backend) => {
    const { page } = await open({ query: `?backend=${backend}` });
    await page.waitForTimeout(3000);
    const a = await frames(page);
    await page.waitForTimeout(5000);
    const b = await frames(page);
    const progress = await page.evaluate(() => document.querySelector('.compute-progress')?.textContent ?? null);
    console.log('PROBE', backend, a, b, progress);
    expect(b).toBe(a);
  }, 120_000);
});
