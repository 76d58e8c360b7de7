/**
 * The backend choice under simulated timings (the test hook `window.__kernelscopeTest`, set before the
 * page runs, replaces the start-up samples and, for a "hardware" GPU, the renderer string): the rule's
 * pick, one non-contradicting status sentence, and a hand-picked backend kept when the image changes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pngFile } from './fixtures.ts';
import { chooseFile, redrawAfter, statusText, useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

type Pace = { small: number; large: number };
const rounds = (...paces: Pace[]) => paces;
const flat = (ms: number): Pace => ({ small: ms / 4, large: ms });

function hooks(samples: Record<string, Pace[]>, renderer?: string): string {
  return `window.__kernelscopeTest = ${JSON.stringify({ samples, ...(renderer && { renderer }) })};`;
}

async function chosen(page: Page): Promise<string> {
  return page.getByRole('combobox', { name: 'Backend' }).inputValue();
}

describe('backend choice with simulated timings', () => {
  it('software WebGL tied with wasm: wasm, said in one sentence', async () => {
    const { page } = await open({
      query: '',
      initScript: hooks({
        webgl: rounds(flat(22), flat(22), flat(23)),
        wasm: rounds(flat(22), flat(23), flat(22)),
        cpu: rounds(flat(34), flat(34), flat(34)),
      }),
    });
    const renderer = (await page.getByRole('status').first().getAttribute('title')) ?? '';
    expect(renderer, 'this machine renders WebGL in software').toMatch(/swiftshader|llvmpipe|software/i);
    expect(await chosen(page)).toBe('wasm');
    const status = await statusText(page);
    expect(status).toMatch(/^Backend: wasm\. WebGL here is software rendering/);
    expect(status).not.toMatch(/fastest/);
  });

  it('software WebGL 2× faster in every sample: webgl; one sample short of 1.5×: wasm', async () => {
    const fast = await open({
      query: '',
      initScript: hooks({
        webgl: rounds(flat(10), flat(11), flat(10)),
        wasm: rounds(flat(20), flat(23), flat(21)),
        cpu: rounds(flat(40), flat(40), flat(40)),
      }),
    });
    expect(await chosen(fast.page)).toBe('webgl');
    expect(await statusText(fast.page)).toMatch(/^Backend: webgl\. .*1\.5× faster than wasm in every sample/);

    const mixed = await open({
      query: '',
      initScript: hooks({
        webgl: rounds(flat(10), flat(10), flat(16)),
        wasm: rounds(flat(20), flat(20), flat(20)),
        // Faked too: this machine's real cpu timing of the small layer can beat a made-up 20 ms.
        cpu: rounds(flat(40), flat(40), flat(40)),
      }),
    });
    expect(await chosen(mixed.page)).toBe('wasm');
  });

  it('hardware WebGL tied with wasm: webgl, "the fastest here", no software note', async () => {
    const { page } = await open({
      query: '',
      initScript: hooks(
        {
          webgl: rounds(flat(22), flat(22), flat(22)),
          wasm: rounds(flat(22), flat(22), flat(21)),
          cpu: rounds(flat(40), flat(40), flat(40)),
        },
        'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      ),
    });
    expect(await chosen(page)).toBe('webgl');
    const status = await statusText(page);
    expect(status).toMatch(/^Backend: webgl, the fastest here for this layer \(webgl \d/);
    expect(status).not.toMatch(/software|slower/);
  });

  it('re-decides for a much larger image, but never overrides a backend chosen by hand', async () => {
    // Hardware webgl: ahead on small work, far behind on large (a steep line), as measured nowhere real.
    const samples = {
      webgl: rounds({ small: 1, large: 40 }, { small: 1, large: 40 }, { small: 1, large: 40 }),
      wasm: rounds({ small: 4, large: 12 }, { small: 4, large: 12 }, { small: 4, large: 12 }),
      cpu: rounds({ small: 10, large: 80 }, { small: 10, large: 80 }, { small: 10, large: 80 }),
    };
    const renderer = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
    const scene = (x: number, y: number): [number, number, number] => [(x * 7) % 256, (y * 3) % 256, 90];
    const auto = await open({ query: '', initScript: hooks(samples, renderer) });
    // The 28 × 28 sample: little work, webgl ahead.
    expect(await chosen(auto.page)).toBe('webgl');
    await redrawAfter(
      auto.page,
      () => chooseFile(auto.page, pngFile('big.png', 1024, 1024, scene)),
      'a big image',
    );
    await expect.poll(() => chosen(auto.page), { timeout: 30_000 }).toBe('wasm');
    expect(await statusText(auto.page)).toMatch(/^Backend: wasm, the fastest here/);

    const manual = await open({ query: '', initScript: hooks(samples, renderer) });
    await redrawAfter(
      manual.page,
      () => manual.page.getByRole('combobox', { name: 'Backend' }).selectOption('cpu'),
      'cpu by hand',
    );
    await redrawAfter(
      manual.page,
      () => chooseFile(manual.page, pngFile('big.png', 1024, 1024, scene)),
      'a big image',
    );
    await manual.page.waitForTimeout(1000);
    expect(await chosen(manual.page)).toBe('cpu');
    expect(await statusText(manual.page)).toContain('Backend: cpu (chosen by hand)');
  });
});
