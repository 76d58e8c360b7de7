/**
 * Accessibility of the three demos (docs/demos.md): an axe-core audit of the sliding window's region and
 * of the open folds "shrink" (stride against pooling) and "dense" (dense against convolution), in English
 * and in Korean, finds no violation at all, whatever its impact. Each part is audited on its own, so a
 * failure names the demo, the rule and the elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementHandle, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as windowMessages from '../../src/i18n/messages/slidingWindow.ts';
import { useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string }[];
}

/** axe-core on one element of the page and what it holds (injected through the devtools protocol). */
async function audit(page: Page, element: ElementHandle): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (root) => {
    const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(root as Element, { resultTypes: ['violations'] })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; html: string }[];
      }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200) })),
    }));
  }, element);
}

/**
 * Waits until the part's markup stops changing (its canvases drawn, its numbers read back): the same
 * outerHTML on three polls in a row, a quarter of a second apart.
 */
async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const w = window as unknown as { __settle?: Record<string, { html: string; same: number }> };
      const html = document.querySelector(sel)?.outerHTML ?? '';
      const seen = (w.__settle ??= {})[sel];
      const same = seen && seen.html === html ? seen.same + 1 : 0;
      w.__settle[sel] = { html, same };
      return html !== '' && same >= 2;
    },
    selector,
    { polling: 250, timeout: 60_000 },
  );
}

interface Part {
  label: string;
  selector: string;
  handle: ElementHandle;
}

/** The three parts: the sliding window (found by its region's name) and the two folds, by section. */
async function demoParts(page: Page, language: 'en' | 'ko'): Promise<Part[]> {
  const name = windowMessages[language]['window.heading'];
  const windowRegion = page.getByRole('region', { name, exact: true });
  // The window's controls are there once the image is in (CONTRACT.md section 7).
  await windowRegion.getByRole('slider').first().waitFor();
  await windowRegion.evaluate((el) => el.setAttribute('data-audit', 'window'));
  const parts: Array<[string, string]> = [
    ['the sliding window', '[data-audit="window"]'],
    ['the "shrink" fold', 'details[data-section="shrink"]'],
    ['the "dense" fold', 'details[data-section="dense"]'],
  ];
  const found: Part[] = [];
  for (const [label, selector] of parts) {
    if (selector.startsWith('details')) await page.locator(`${selector}[open]`).waitFor();
    await settled(page, selector);
    const handle = await page.$(selector);
    if (!handle) throw new Error(`${label}: ${selector} is not on the page`);
    found.push({ label, selector, handle });
  }
  return found;
}

const CONTROL = /^\s*- (button|slider|combobox|spinbutton|checkbox|radio|textbox|switch) "(.+?)"/;

/**
 * Every control of the demos has a name no other control of the page has: tests and assistive
 * technology find controls page-wide by exact name (the header's Reset, the learn panel's Pause…).
 */
async function expectOwnNames(page: Page, parts: Part[]): Promise<void> {
  const clashes: string[] = [];
  let controls = 0;
  for (const { label, selector } of parts) {
    const snapshot = await page.locator(selector).ariaSnapshot();
    for (const line of snapshot.split('\n')) {
      const match = CONTROL.exec(line);
      if (!match) continue;
      const [, role, name] = match as unknown as [string, Parameters<Page['getByRole']>[0], string];
      controls += 1;
      const count = await page.getByRole(role, { name, exact: true }).count();
      if (count !== 1) clashes.push(`${label}: ${count} ${role}s named "${name}" on the page`);
    }
  }
  expect(controls, 'controls found in the demos').toBeGreaterThan(5);
  expect(clashes).toEqual([]);
}

async function expectNoViolations(page: Page, language: 'en' | 'ko'): Promise<Part[]> {
  const found: Record<string, Violation[]> = {};
  const parts = await demoParts(page, language);
  for (const { label, handle } of parts) {
    expect(
      await handle.evaluate((el) => el.textContent?.trim().length ?? 0),
      `${label} is empty`,
    ).toBeGreaterThan(0);
    const violations = await audit(page, handle);
    if (violations.length > 0) found[label] = violations;
  }
  expect(found, JSON.stringify(found, null, 2)).toEqual({});
  return parts;
}

describe('the demos are accessible', () => {
  it.each([
    ['in English', 'en'],
    ['in Korean', 'ko'],
  ] as const)(
    'axe finds no violation in the sliding window, the shrink fold and the dense fold, and their controls have names of their own, %s',
    async (_, lang) => {
      const { page } = await open({ hash: `#sample=fashion-mnist-9&lang=${lang}&open=shrink,dense` });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const parts = await expectNoViolations(page, lang);
      await expectOwnNames(page, parts);
      // The audit does look inside a fold: a button without a name put there is reported.
      const dense = (await page.$('details[data-section="dense"] .fold-body'))!;
      await dense.evaluate((el) => el.appendChild(document.createElement('button')));
      expect((await audit(page, dense)).map((v) => v.id)).toContain('button-name');
    },
  );

  it('a photo in RGB, the window on the pooling at a later stop, in Korean: no violation either', async () => {
    const spec = encodeURIComponent(JSON.stringify({ channels: 'rgb', stride: 2 }));
    const { page } = await open({
      hash: `#spec=${spec}&sample=chelsea&lang=ko&open=shrink,dense&demo=window&phase=pool&stop=12`,
    });
    await expectNoViolations(page, 'ko');
  });
});
