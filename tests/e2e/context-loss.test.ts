/**
 * WebGL context loss: the page falls back to wasm at once (the maps stay drawn, from the CPU copy of the
 * image) and goes back to webgl when the browser restores the context. The test takes the context away
 * with WEBGL_lose_context, as a driver reset would.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  backendQuery,
  isUniform,
  readCanvas,
  redrawAfter,
  shapesOf,
  statusText,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'webgl' });

/** Keeps every WebGL context the page creates (on canvases and offscreen canvases) in `window.__gl`. */
const RECORD_CONTEXTS = `
  window.__gl = [];
  for (const proto of [HTMLCanvasElement.prototype, globalThis.OffscreenCanvas?.prototype].filter(Boolean)) {
    const getContext = proto.getContext;
    proto.getContext = function (type, ...rest) {
      const ctx = getContext.call(this, type, ...rest);
      if (ctx && (type === 'webgl2' || type === 'webgl')) window.__gl.push(ctx);
      return ctx;
    };
  }
`;

function loseContexts(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __gl: WebGLRenderingContext[]; __lost: WEBGL_lose_context[] };
    w.__lost = [];
    for (const gl of w.__gl) {
      if (gl.isContextLost()) continue;
      const ext = gl.getExtension('WEBGL_lose_context');
      if (!ext) continue;
      ext.loseContext();
      w.__lost.push(ext);
    }
    return w.__lost.length;
  });
}

function restoreContexts(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __lost: WEBGL_lose_context[] };
    for (const ext of w.__lost) ext.restoreContext();
  });
}

describe('WebGL context loss', () => {
  it('falls back to wasm with the maps intact, and returns to webgl when the context comes back', async () => {
    const { page } = await open({ initScript: RECORD_CONTEXTS });
    expect(await statusText(page)).toContain('Backend: webgl');
    const shape = await shapesOf(page, 'Feature map 1');

    await redrawAfter(
      page,
      async () => expect(await loseContexts(page), 'the page has a live WebGL context').toBeGreaterThan(0),
      'losing the WebGL context',
    );
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toContain('the WebGL context was lost');
    expect(await statusText(page)).toContain('Backend: wasm');
    expect(await shapesOf(page, 'Feature map 1')).toEqual(shape);
    expect(isUniform(await readCanvas(page, 'Feature map 1')), 'the map is drawn on wasm').toBe(false);

    await redrawAfter(page, () => restoreContexts(page), 'restoring the WebGL context');
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toContain('was restored');
    expect(await statusText(page)).toContain('Backend: webgl');
    expect(isUniform(await readCanvas(page, 'Feature map 1')), 'the map is drawn on webgl again').toBe(false);
  });

  it('also when webgl was chosen by hand after starting on wasm', async () => {
    const { page } = await open({ initScript: RECORD_CONTEXTS, query: backendQuery('wasm') });
    expect(await statusText(page)).toContain('Backend: wasm');
    await redrawAfter(
      page,
      () => page.getByRole('combobox', { name: 'Backend' }).selectOption('webgl'),
      'switching to webgl',
    );
    expect(await statusText(page)).toContain('Backend: webgl (chosen by hand)');

    await redrawAfter(
      page,
      async () => expect(await loseContexts(page), 'the page has a live WebGL context').toBeGreaterThan(0),
      'losing the WebGL context',
    );
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toContain('the WebGL context was lost');
    expect(await statusText(page)).toContain('Backend: wasm');
    expect(isUniform(await readCanvas(page, 'Feature map 1')), 'the map is drawn on wasm').toBe(false);
  });
});
