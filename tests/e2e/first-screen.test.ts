/**
 * The first screen: what a newcomer needs shows at once (the contract's controls), the rest is folded under
 * headings (native <details>) whose controls keep their names once opened; which sections are open lives
 * in the link, and a link whose spec uses a folded feature opens its section. A short introduction can be
 * hidden (remembered). The lesson path steps through the course-note examples, each step a link.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, lessonHash } from '../../src/examples/examples.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import {
  alertText,
  expectShape,
  isSectionOpen,
  openSection,
  redrawAfter,
  screenshot,
  sectionSummary,
  useBrowser,
} from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });

const spin = (p: Page, name: string) => p.getByRole('spinbutton', { name, exact: true });
const radio = (p: Page, group: string, name: string) =>
  p.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio', { name, exact: true });
const region = (p: Page, name: string) => p.getByRole('region', { name, exact: true });
const hashOf = (p: Page) => p.evaluate(() => decodeURIComponent(location.hash));

/** Each folded section, by the start of its summary, and a control found only once it is open. */
const FOLDED = [
  { title: 'Filter tools', section: 'filter', control: (p: Page) => spin(p, 'Bias of filter 1') },
  { title: 'More layer options', section: 'layer', control: (p: Page) => spin(p, 'Dilation') },
  { title: 'Padded input', section: 'padded', control: (p: Page) => region(p, 'Padded input') },
  { title: 'The numbers', section: 'numbers', control: (p: Page) => region(p, 'Output size') },
  { title: 'Equivalent code', section: 'code', control: (p: Page) => region(p, 'Equivalent code') },
] as const;

function specLink(spec: object): string {
  return `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=fashion-mnist-9&lang=en`;
}

describe('progressive disclosure', () => {
  it('shows the contract’s controls at once; folded controls keep their names once their section opens', async () => {
    const { page } = await open();
    // First screen: image, kernel, stride, padding, pooling (CONTRACT section 3).
    expect(await page.getByLabel('Choose image').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Kernel preset', exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Filter 1 row 1 column 1', exact: true }).count()).toBe(1);
    expect(await spin(page, 'Stride').count()).toBe(1);
    expect(await radio(page, 'Padding', 'Valid').count()).toBe(1);
    expect(await radio(page, 'Padding', 'Same').count()).toBe(1);
    expect(await spin(page, 'Pool size').count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Feature map 1', exact: true }).count()).toBe(1);

    for (const { title, control } of FOLDED) {
      expect(await isSectionOpen(page, title), `${title} starts folded`).toBe(false);
      expect(await control(page).count(), `${title}: its control is hidden while folded`).toBe(0);
    }
    expect(await hashOf(page)).not.toMatch(/open=/);
    await screenshot(page, 'first-screen-en');
    const { page: ko } = await open({ hash: '#lang=ko' });
    expect(await ko.getByRole('region', { name: '이 페이지가 보여주는 것' }).count()).toBe(1);
    expect(await isSectionOpen(ko, '필터 도구')).toBe(false);
    await screenshot(ko, 'first-screen-ko');

    for (const { title, control } of FOLDED) {
      await openSection(page, title);
      expect(await control(page).count(), `${title}: its control is found by name once open`).toBe(1);
    }
    expect(await radio(page, 'Activation', 'ReLU').count()).toBe(1);
    expect(await radio(page, 'Padding mode', 'Reflect').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Negate', exact: true }).count()).toBe(1);
    await expect.poll(() => hashOf(page)).toMatch(/&open=filter,layer,padded,numbers,code(&|$)/);
  });

  it('the open sections survive in the link; closing one takes it out of the link', async () => {
    const { page } = await open();
    await openSection(page, 'The numbers');
    await expect.poll(() => hashOf(page)).toMatch(/&open=numbers(&|$)/);
    const { page: copy } = await open({ hash: await page.evaluate(() => location.hash) });
    expect(await isSectionOpen(copy, 'The numbers'), 'open where the link is opened').toBe(true);
    expect(await region(copy, 'Output size').count()).toBe(1);
    expect(await isSectionOpen(copy, 'Equivalent code')).toBe(false);

    // Closed with the keyboard: Enter on the focused summary.
    await sectionSummary(copy, 'The numbers').focus();
    await copy.keyboard.press('Enter');
    await expect.poll(() => isSectionOpen(copy, 'The numbers')).toBe(false);
    await expect.poll(() => hashOf(copy)).not.toMatch(/open=/);
    const { page: again } = await open({ hash: await copy.evaluate(() => location.hash) });
    expect(await isSectionOpen(again, 'The numbers'), 'closed where that link is opened').toBe(false);
  });

  it('a link whose spec uses a folded feature opens its section: dilation 2, reflect padding, a bias', async () => {
    const { page } = await open({ hash: specLink({ dilation: 2, padding: 'valid' }) });
    expect(await alertText(page)).toBe('');
    expect(await isSectionOpen(page, 'More layer options'), 'dilation 2 opens the layer options').toBe(true);
    expect(await spin(page, 'Dilation').inputValue()).toBe('2');
    expect(await isSectionOpen(page, 'Filter tools')).toBe(false);
    await expectShape(page, 'Feature map 1', '24 × 24');

    // A link opened in the same tab (hashchange): a bias opens the filter tools, the open layer options stay.
    await redrawAfter(
      page,
      () => page.evaluate((h) => (location.hash = h), specLink({ filters: [{ weights: [[1]], bias: 3 }] })),
      'a link with a bias',
    );
    expect(await isSectionOpen(page, 'Filter tools'), 'a bias opens the filter tools').toBe(true);
    expect(await spin(page, 'Bias of filter 1').inputValue()).toBe('3');
    expect(await isSectionOpen(page, 'More layer options')).toBe(true);

    const { page: second } = await open({ hash: specLink({ padMode: 'reflect' }) });
    expect(await isSectionOpen(second, 'More layer options'), 'reflect padding opens them').toBe(true);
    expect(await radio(second, 'Padding mode', 'Reflect').isChecked()).toBe(true);
  });
});

describe('the introduction and the lesson path', () => {
  it('the introduction starts the lesson; Next and Previous change the spec and the link; Close ends it', async () => {
    const { page } = await open();
    const intro = page.getByRole('region', { name: 'What this page shows' });
    expect(await intro.innerText()).toMatch(/Try another kernel preset first/);

    await redrawAfter(
      page,
      () => page.getByRole('link', { name: `Start the lesson (${EXAMPLES.length} steps)` }).click(),
      'starting the lesson',
    );
    const lesson = region(page, 'Lesson');
    await expect.poll(() => lesson.innerText()).toMatch(new RegExp(`step 1 of ${EXAMPLES.length}`, 'i'));
    expect(await lesson.innerText()).toContain(MESSAGES.en[EXAMPLES[0]!.title]);
    expect(await lesson.getByRole('link', { name: /Previous step/ }).count(), 'no step before 1').toBe(0);
    await expectShape(page, 'Feature map 1', '22 × 22');
    expect(await hashOf(page)).toMatch(/&lesson=1(&|$)/);

    await redrawAfter(page, () => lesson.getByRole('link', { name: /Next step/ }).click(), 'Next step');
    await expect.poll(() => lesson.innerText()).toMatch(new RegExp(`step 2 of ${EXAMPLES.length}`, 'i'));
    expect(await lesson.innerText()).toContain('(27 − 3) / 1 + 1 = 25');
    await expectShape(page, 'Feature map 1', '25 × 25');
    await expectShape(page, 'Feature map 2', '25 × 25');
    expect(await hashOf(page)).toMatch(/&lesson=2(&|$)/);
    expect(await hashOf(page)).toMatch(/sample=fashion-mnist-27/);

    await redrawAfter(page, () => lesson.getByRole('link', { name: /Next step/ }).click(), 'Next step');
    await expect.poll(() => lesson.innerText()).toMatch(new RegExp(`step 3 of ${EXAMPLES.length}`, 'i'));
    await expectShape(page, 'Feature map 1', '28 × 28');

    await redrawAfter(page, () => lesson.getByRole('link', { name: /Previous step/ }).click(), 'Previous');
    await expect.poll(() => lesson.innerText()).toMatch(new RegExp(`step 2 of ${EXAMPLES.length}`, 'i'));
    await expectShape(page, 'Feature map 1', '25 × 25');

    await lesson.getByRole('button', { name: 'Close the lesson' }).click();
    await expect.poll(() => lesson.count()).toBe(0);
    await expect.poll(() => hashOf(page)).not.toMatch(/lesson=/);
    // The example stays; the introduction comes back, and hiding it is remembered in this browser.
    await expectShape(page, 'Feature map 1', '25 × 25');
    await intro.getByRole('button', { name: 'Hide the introduction' }).click();
    await expect.poll(() => intro.count()).toBe(0);
    const { page: later } = await open();
    expect(
      await later.getByRole('region', { name: 'What this page shows' }).count(),
      'still hidden on the next visit (this browser remembers)',
    ).toBe(0);
  });

  it('a lesson link opens at its step, with the section its example needs open; in Korean too', async () => {
    const { page } = await open({ hash: `#${lessonHash(9)}&lang=ko` });
    const lesson = region(page, '단계별 학습');
    await expect.poll(() => lesson.innerText()).toContain(`${EXAMPLES.length}단계 중 9단계`);
    expect(await lesson.innerText()).toContain('ReLU, max(0, x)');
    expect(await lesson.getByRole('link', { name: /다음 단계/ }).count(), 'the networks follow').toBe(1);
    expect(await isSectionOpen(page, '레이어 추가 설정'), 'ReLU opens the layer options').toBe(true);
    expect(await radio(page, '활성화 함수', 'ReLU').isChecked()).toBe(true);
    await screenshot(page, 'lesson-step-9-ko');
  });
});
