/**
 * Backend choice by measurement: without `?backend=` the page times a small fixed layer on webgl, wasm
 * and cpu, applies the rule (src/engine/backendChoice.ts) and says why (naming a software WebGL); a person
 * can switch by hand and the maps follow. Simulated timings: backend-choice.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { isUniform, readCanvas, redrawAfter, shapesOf, statusText, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

/** "webgl 41 ms · wasm 3.2 ms · cpu 9.5 ms" -> { webgl: 41, wasm: 3.2, cpu: 9.5 } */
function timings(status: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of status.matchAll(/\b(webgl|wasm|cpu) (\d+(?:\.\d+)?) ms/g)) out[m[1] ?? ''] = Number(m[2]);
  return out;
}

describe('backend choice', () => {
  it('measures every backend at start, applies the rule and says why in one sentence', async () => {
    const { page } = await open({ query: '' });
    const status = await statusText(page);
    const times = timings(status);
    expect(Object.keys(times).sort(), status).toEqual(['cpu', 'wasm', 'webgl']);
    const chosen = /Backend: (webgl|wasm|cpu)/.exec(status)?.[1] ?? '';
    expect(await page.getByRole('combobox', { name: 'Backend' }).inputValue()).toBe(chosen);
    const renderer = await page.getByRole('status').first().getAttribute('title');
    if (renderer && /swiftshader/i.test(renderer)) {
      // Software WebGL: webgl only when 1.5× faster in every sample, else the faster of wasm and cpu.
      expect(status, 'a software WebGL is named').toMatch(/software rendering \(SwiftShader\)/);
      if (chosen !== 'webgl') {
        expect(status).toMatch(/used only when at least 1\.5× faster/);
        const other = chosen === 'wasm' ? 'cpu' : 'wasm';
        expect(times[chosen], status).toBeLessThanOrEqual((times[other] ?? Infinity) * 1.1);
      }
      expect(status).not.toMatch(/fastest/);
    } else {
      expect(status).toMatch(/the fastest here/);
      const fastest = Object.entries(times).sort((a, b) => a[1] - b[1])[0]?.[1] ?? 0;
      expect(times[chosen], status).toBeLessThanOrEqual(fastest * 1.1);
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
