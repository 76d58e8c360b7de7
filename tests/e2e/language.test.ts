/** The page speaks English and Korean: a "Language" / "언어" control switches it to Korean. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

const LANGUAGE = /^\s*(language|언어)(?![a-z])/i;
const KOREAN = /한국어|korean|^ko$/i;

async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/**
 * Switches to Korean through whichever control the page offers, all named "Language" (or "언어"):
 * a select (combobox), a radio group, or a button that toggles or opens a menu.
 */
async function switchToKorean(page: Page): Promise<void> {
  const select = page.getByRole('combobox', { name: LANGUAGE });
  if ((await select.count()) > 0) {
    const first = select.first();
    if (await first.evaluate((el) => el instanceof HTMLSelectElement)) {
      const options = await first
        .locator('option')
        .evaluateAll((els) =>
          els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })),
        );
      const ko = options.find(
        (o) => o.value === 'ko' || o.value.startsWith('ko-') || KOREAN.test(o.label.trim()),
      );
      if (!ko) throw new Error(`the "Language" select has no Korean option: ${JSON.stringify(options)}`);
      await first.selectOption(ko.value);
    } else {
      await first.click();
      await page.getByRole('option', { name: KOREAN }).first().click();
    }
    return;
  }
  const group = page.getByRole('radiogroup', { name: LANGUAGE });
  if ((await group.count()) > 0) {
    await group.first().getByRole('radio', { name: KOREAN }).first().check();
    return;
  }
  const button = page.getByRole('button', { name: LANGUAGE });
  if ((await button.count()) === 0) {
    throw new Error('no control named "Language" or "언어" (a button, a select or a radio group)');
  }
  await button.first().click();
  if ((await htmlLang(page)) === 'ko') return;
  // A menu or list that the button opened.
  const choice = page
    .getByRole('menuitemradio', { name: KOREAN })
    .or(page.getByRole('menuitem', { name: KOREAN }))
    .or(page.getByRole('option', { name: KOREAN }))
    .or(page.getByRole('button', { name: KOREAN }));
  await choice.first().click();
}

describe('the language switch', () => {
  it('opens in English for an English browser', async () => {
    const { page } = await open();
    expect(await htmlLang(page)).toMatch(/^en\b/);
  });

  it('switches the page to Korean: html lang="ko", and the text says 필터 and 특성 맵', async () => {
    const { page } = await open();
    await switchToKorean(page);
    await expect.poll(() => htmlLang(page), { message: '<html lang> after switching to Korean' }).toBe('ko');
    await expect
      .poll(() => page.locator('body').innerText(), { message: 'the page text in Korean' })
      .toContain('필터');
    expect(await page.locator('body').innerText()).toContain('특성 맵');
    // The controls are still there, whatever they are called now.
    expect(
      await page.getByRole('radio').count(),
      'the padding radios are still there',
    ).toBeGreaterThanOrEqual(2);
  });
});
