/**
 * Accessibility: an axe-core audit of the page in several states finds no serious or critical violation,
 * and every main control is reachable with the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (injected through the devtools protocol, which the page's CSP allows). */
async function audit(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

function serious(violations: Violation[]): Violation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function link(spec: object, lang = 'en'): string {
  return `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=fashion-mnist-9&mag=1&lang=${lang}`;
}

describe('accessibility', () => {
  it.each([
    ['the opening page', ''],
    [
      'several filters, ReLU, explicit reflect padding and the magnitude',
      link({
        filters: [{ weights: [[-1, 0, 1]], bias: 1 }, { weights: [[1], [0], [-1]] }],
        activation: 'relu',
        padding: [1, 1, 2, 2],
        padMode: 'reflect',
      }),
    ],
    ['RGB filters, in Korean', link({ channels: 'rgb' }, 'ko')],
    [
      'every folded section open, the lesson at step 3',
      `${link({ padding: 'same' })}&open=filter,layer,padded,numbers,code&lesson=3`,
    ],
    ['RGB per channel', link({ channels: 'rgb-per-channel' })],
  ])('axe finds no serious or critical violation: %s', async (_, hash) => {
    const { page } = await open(hash ? { hash } : {});
    const found = serious(await audit(page));
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

  it('the main controls are reachable with Tab alone', async () => {
    const { page } = await open();
    const reached = new Set<string>();
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        return (
          el.getAttribute('aria-label') ??
          (el as HTMLInputElement).labels?.[0]?.textContent ??
          el.textContent ??
          ''
        );
      });
      reached.add(name.trim());
    }
    for (const name of ['Choose image', 'Kernel preset', 'Filter 1 row 1 column 1', 'Stride', 'Pool size']) {
      expect(
        [...reached].some((r) => r.startsWith(name)),
        `${name} is reachable by Tab`,
      ).toBe(true);
    }
  });
});
