/**
 * Backend choice by measurement: without `?backend=` the page times the layer on webgl, wasm and cpu,
 * keeps the fastest and says so (naming a software WebGL); a person can switch by hand and the maps follow.
 */
import { describe, expect, it } from 'vitest';
import { isUniform, readCanvas, redrawAfter, shapesOf, statusText, useBrowser } from './support.ts';

const { open } = useBrowser();

/** "webgl 41 ms · wasm 3.2 ms · cpu 9.5 ms" -> { webgl: 41, wasm: 3.2, cpu: 9.5 } */
function timings(status: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of status.matchAll(/\b(webgl|wasm|cpu) (\d+(?:\.\d+)?) ms/g)) out[m[1] ?? ''] = Number(m[2]);
  return out;
}

describe('backend choice', () => {
  it('measures every backend at start, keeps the fastest and says why', async () => {
    const { page } = await open({ query: '' });
    const status = await statusText(page);
    expect(status).toMatch(/the fastest here/);
    const times = timings(status);
    expect(Object.keys(times).sort(), status).toEqual(['cpu', 'wasm', 'webgl']);
    const chosen = /Backend: (webgl|wasm|cpu)/.exec(status)?.[1] ?? '';
    const fastest = Object.entries(times).sort((a, b) => a[1] - b[1])[0]?.[0];
    expect(chosen, status).toBe(fastest);
    expect(await page.getByRole('combobox', { name: 'Backend' }).inputValue()).toBe(chosen);
    const renderer = await page.getByRole('status').getAttribute('title');
    if (renderer && /swiftshader/i.test(renderer)) {
      expect(status, 'a software WebGL is named').toMatch(/software rendering \(SwiftShader\)/);
    }
    expect(isUniform(await readCanvas(page, 'Feature map 1'))).toBe(false);
  });

  it('switches by hand: the maps are recomputed on the chosen backend', async () => {
    const { page } = await open();
    const shape = await shapesOf(page, 'Feature map 1');
    const before = await readCanvas(page, 'Feature map 1');
    for (const name of ['cpu', 'wasm', 'webgl']) {
      await redrawAfter(
        page,
        () => page.getByRole('combobox', { name: 'Backend' }).selectOption(name),
        `switching to ${name}`,
      );
      expect(await statusText(page)).toContain(`Backend: ${name} (chosen by hand)`);
      expect(await shapesOf(page, 'Feature map 1')).toEqual(shape);
      const after = await readCanvas(page, 'Feature map 1');
      expect(isUniform(after), `${name} draws the map`).toBe(false);
      expect(after.width).toBe(before.width);
    }
  });
});
