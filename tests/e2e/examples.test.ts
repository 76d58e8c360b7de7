/**
 * The course-note examples: each one's share link (page URL + ?backend=wasm + its hash) opens the example,
 * and the figcaptions show the shapes the notes work out (a network's in each region "Layer N", with its
 * receptive field); the numbers panel writes out the same arithmetic, for a network layer by layer.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleHash, lessonHash, type CourseExample } from '../../src/examples/examples.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import {
  alertText,
  canvas,
  expectShape,
  isSectionOpen,
  openSection,
  RESULTS_DIR,
  screenshot,
  useBrowser,
} from './support.ts';
import path from 'node:path';

const { open } = useBrowser({ backend: 'wasm' });

/** How many canvases called "Feature map N" the page shows. */
async function featureMapCount(page: Page): Promise<number> {
  return page.getByRole('img', { name: /^Feature map \d+$/ }).count();
}

async function expectExample(page: Page, example: CourseExample): Promise<void> {
  const { expected } = example;
  await expectShape(page, 'Input image', expected.input);
  await expectShape(page, 'Filter 1', expected.filter);
  await expectShape(page, 'Feature map 1', expected.conv);
  await expectShape(page, 'Max pooling 1', expected.pool);
  await expectShape(page, 'Average pooling 1', expected.pool);
  await expect
    .poll(() => featureMapCount(page), { message: `${example.id}: feature maps` })
    .toBe(expected.maps);
  await expectShape(page, `Feature map ${expected.maps}`, expected.conv);
  for (const [i, layer] of (expected.layers ?? []).entries()) {
    const n = i + 2;
    await expectShape(page, `Layer ${n} feature map 1`, layer.conv);
    await expectShape(page, `Layer ${n} max pooling 1`, layer.pool);
    await expectShape(page, `Layer ${n} feature map ${layer.maps}`, layer.conv);
    await expect
      .poll(() => page.getByRole('img', { name: new RegExp(`^Layer ${n} feature map \\d+$`) }).count(), {
        message: `${example.id}: layer ${n} maps`,
      })
      .toBe(layer.maps);
    await expect
      .poll(() => page.getByRole('region', { name: `Layer ${n}`, exact: true }).innerText())
      .toContain(`Receptive field ${layer.field}`);
  }
}

describe('each course-note example opens from its link', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s', async (_id, example) => {
    const { page } = await open({ hash: `#${exampleHash(example)}` });
    expect(await alertText(page), 'the link raises no alert').toBe('');
    await expectExample(page, example);
    // The link's settings are the page's: its own hash now says the same spec and sample.
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain(`sample=${example.sample}`);
    if (example.expected.layers) await screenshot(page, `example-${example.id}`);
  });

  it('the 7 × 7 example writes out ⌊(28 + 0 + 0 − 1·(7 − 1) − 1) / 1⌋ + 1 = 22 and the course form', async () => {
    const example = EXAMPLES.find((e) => e.id === 'output-size-7x7')!;
    const { page } = await open({ hash: `#${exampleHash(example)}` });
    await expectExample(page, example);
    await openSection(page, 'The numbers');
    const formula = page.getByRole('region', { name: 'Output size', exact: true });
    await expect
      .poll(() => formula.innerText())
      .toContain('⌊(28 + 0 + 0 − 1·(7 − 1) − 1) / 1⌋ + 1 = ⌊21 / 1⌋ + 1 = 22');
    expect(await formula.innerText()).toContain('(28 − 7 + 2·0) / 1 + 1 = 22');
    const shapes = page.getByRole('region', { name: 'Tensor shapes', exact: true });
    const row = async (name: string) =>
      (await shapes.getByRole('row', { name: new RegExp(`^${name}`) }).innerText()).replace(/\s+/g, ' ');
    expect(await row('Input x')).toContain('[1, 28, 28, 1] [1, 1, 28, 28]');
    expect(await row('Filter weights W')).toContain('[7, 7, 1, 1] [1, 1, 7, 7]');
    expect(await row('Feature maps')).toContain('[1, 22, 22, 1] [1, 1, 22, 22]');
    const params = page.getByRole('region', { name: 'Parameters and cost', exact: true });
    expect(await params.innerText()).toContain('7 × 7 × 1 × 1 = 49');
    expect(await params.innerText()).toContain('22 × 22 × 1 × 49 = 23,716');
    await page.getByRole('region', { name: 'Output size', exact: true }).scrollIntoViewIfNeeded();
    await formula.screenshot({ path: path.join(RESULTS_DIR, 'numbers-formula.png') });
    await page
      .locator('.numbers-row')
      .screenshot({ path: path.join(RESULTS_DIR, 'numbers-shapes-params.png') });
  });

  it('the 27 × 27 Sobel example shows both maps and the magnitude, and the floor drops a row when pooling', async () => {
    const example = EXAMPLES.find((e) => e.id === 'sobel-27-valid')!;
    const { page } = await open({ hash: `#${exampleHash(example)}` });
    await expectExample(page, example);
    await expect
      .poll(() => canvas(page, 'Sobel magnitude').count(), { message: 'a Sobel magnitude canvas' })
      .toBe(1);
    await expectShape(page, 'Sobel magnitude', '25 × 25');
    await openSection(page, 'The numbers');
    const formula = page.getByRole('region', { name: 'Output size', exact: true });
    const text = await formula.innerText();
    expect(text).toContain('⌊(27 + 0 + 0 − 1·(3 − 1) − 1) / 1⌋ + 1 = ⌊24 / 1⌋ + 1 = 25');
    expect(text).toContain('⌊(25 + 0 + 0 − 1·(2 − 1) − 1) / 2⌋ + 1 = ⌊23 / 2⌋ + 1 = 12');
    expect(text).toContain('23 mod 2 = 1: the last row is never visited');
    expect(text).toContain('23 mod 2 = 1: the last column is never visited');
    await screenshot(page, 'example-sobel-27');
  });

  it('the code panel gives the example as tfjs, Keras and PyTorch, with a Copy button', async () => {
    const example = EXAMPLES.find((e) => e.id === 'stride-2-halves')!;
    const { page } = await open({ hash: `#${exampleHash(example)}` });
    await expectExample(page, example);
    await openSection(page, 'Equivalent code');
    const code = page.getByRole('region', { name: 'Equivalent code', exact: true });
    const tabs = code.getByRole('tablist', { name: 'Code language' });
    const panel = code.getByRole('tabpanel');
    expect(await tabs.getByRole('tab', { name: 'TensorFlow.js' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.innerText()).toContain("tf.conv2d(x, kernel, [2, 2], 'same', 'NHWC', [1, 1])");
    expect(await panel.innerText()).toContain('// [1, 14, 14, 1]');

    // Keyboard: → moves to Keras.
    await tabs.getByRole('tab', { name: 'TensorFlow.js' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.getByRole('tab', { name: 'Keras' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.innerText()).toContain(
      "layers.Conv2D(filters=1, kernel_size=(3, 3), strides=(2, 2), padding='same'",
    );
    await code.getByRole('button', { name: 'Copy Keras code' }).waitFor();

    await tabs.getByRole('tab', { name: 'PyTorch' }).click();
    const torch = await panel.innerText();
    expect(torch).toContain("x = F.pad(x, (0, 1, 0, 1), mode='constant')");
    expect(torch).toContain('torch.Size([1, 1, 14, 14])');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await code.getByRole('button', { name: 'Copy PyTorch code' }).click();
    await expect
      .poll(() => code.getByRole('button', { name: 'Copy PyTorch code' }).innerText())
      .toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(torch.endsWith('\n') ? torch : `${torch}\n`);
    await code.scrollIntoViewIfNeeded();
    await code.screenshot({ path: path.join(RESULTS_DIR, 'numbers-code.png') });
  });

  it("the small CNN: one shape table for both layers, the cost per layer and in total, the receptive field's steps, the whole network as code", async () => {
    const example = EXAMPLES.find((e) => e.id === 'small-cnn')!;
    const { page } = await open({ hash: `#${exampleHash(example)}` });
    await expectExample(page, example);
    await openSection(page, 'The numbers');
    const shapes = page.getByRole('region', { name: 'Tensor shapes', exact: true });
    const row = async (layer: number, name: string) =>
      (
        await shapes
          .getByRole('rowgroup', { name: `Layer ${layer}` })
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .innerText()
      ).replace(/\s+/g, ' ');
    await expect.poll(() => row(1, 'Input x')).toContain('[1, 28, 28, 1] [1, 1, 28, 28]');
    expect(await row(1, 'Filter weights W')).toContain('[3, 3, 1, 8] [8, 1, 3, 3]');
    expect(await row(1, 'Max pooling → layer 2')).toContain('[1, 14, 14, 8] [1, 8, 14, 14]');
    expect(await row(2, 'Input: layer 1’s max pooling')).toContain('[1, 14, 14, 8] [1, 8, 14, 14]');
    expect(await row(2, 'Filter weights W')).toContain('[3, 3, 8, 16] [16, 8, 3, 3]');
    expect(await row(2, 'Feature maps')).toContain('[1, 14, 14, 16] [1, 16, 14, 14]');
    expect(await row(2, 'Max pooling')).toContain('[1, 7, 7, 16] [1, 16, 7, 7]');

    const params = page.getByRole('region', { name: 'Parameters and cost', exact: true });
    const cost = (await params.innerText()).replace(/\s+/g, ' ');
    expect(cost).toContain('3 × 3 × 8 × 16 = 1,152');
    expect(cost).toContain('14 × 14 × 16 × 72 = 225,792');
    expect(cost).toMatch(/Whole network 1,224 24 1,248 282,240/);

    const field = page.getByRole('region', { name: 'Receptive field', exact: true });
    const steps = (await field.innerText()).replace(/\s+/g, ' ');
    expect(steps).toContain('Layer 1: 3 × 3');
    expect(steps).toContain('Layer 2: 8 × 8');
    expect(steps).toContain('1 → 3 → 4 → 8');
    expect(steps).toContain('(3 − 1)·2 = 4 4 + 4 = 8 2·1 = 2');

    // The formula is the edited layer's (layer 1 here): W = 28.
    const formula = page.getByRole('region', { name: 'Output size', exact: true });
    expect(await formula.innerText()).toContain(
      'Layer 1 of 2, the layer being edited. Its input W is the image: 28 × 28.',
    );
    await page.locator('.numbers').first().scrollIntoViewIfNeeded();
    await page
      .locator('.numbers')
      .first()
      .screenshot({ path: path.join(RESULTS_DIR, 'numbers-small-cnn-en.png') });

    // Editing layer 2: its formula's W is layer 1's max pooling, 14 × 14 × 8.
    await page.getByRole('button', { name: 'Edit layer 2' }).click();
    await expect
      .poll(() => formula.innerText())
      .toContain('Layer 2 of 2, the layer being edited. Its input W is layer 1’s max pooling: 14 × 14 × 8.');
    expect(await formula.innerText()).toContain('⌊(14 + 1 + 1 − 1·(3 − 1) − 1) / 1⌋ + 1 = ⌊13 / 1⌋ + 1 = 14');
    expect(await shapes.getByRole('rowgroup', { name: 'Layer 2' }).innerText()).toContain(
      'Layer 2 (being edited)',
    );

    await openSection(page, 'Equivalent code');
    const code = page.getByRole('region', { name: 'Equivalent code', exact: true });
    const panel = code.getByRole('tabpanel');
    expect(await panel.innerText()).toContain('[1, 7, 7, 16]');
    await code.getByRole('tablist', { name: 'Code language' }).getByRole('tab', { name: 'Keras' }).click();
    expect(await panel.innerText()).toContain('keras.Sequential([');
    await code.getByRole('tablist', { name: 'Code language' }).getByRole('tab', { name: 'PyTorch' }).click();
    expect(await panel.innerText()).toContain('nn.Sequential(');

    // The same panel in Korean.
    const { page: ko } = await open({ hash: `#${exampleHash(example)}&lang=ko` });
    await openSection(ko, '숫자로 보기');
    const koField = ko.getByRole('region', { name: '수용 영역 (receptive field)', exact: true });
    await expect.poll(() => koField.innerText()).toContain('2층: 8 × 8');
    await ko.locator('.numbers').first().scrollIntoViewIfNeeded();
    await ko
      .locator('.numbers')
      .first()
      .screenshot({ path: path.join(RESULTS_DIR, 'numbers-small-cnn-ko.png') });
  });
});

describe("the demos' examples", () => {
  const byId = (id: string) => EXAMPLES.find((e) => e.id === id)!;
  const hashOf = (page: Page) => page.evaluate(() => location.hash);

  it('the Examples menu opens dense against convolution on the photo: 17,318,528 against 10, scrolled to', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Examples', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'Examples' });
    expect(await menu.getByRole('menuitem').count()).toBe(EXAMPLES.length + 1);
    await screenshot(page, 'examples-menu-demos');
    const example = byId('dense-vs-conv');
    await menu.getByRole('menuitem', { name: MESSAGES.en[example.title] }).click();
    await expectExample(page, example);
    const dense = page.getByRole('region', { name: 'Dense against convolution', exact: true });
    await expect.poll(() => dense.innerText()).toContain('300 × 451 × 1 × 128 + 128 = 17,318,528');
    expect(await dense.innerText()).toContain('3 × 3 × 1 × 1 + 1 = 10');
    expect(await isSectionOpen(page, 'Dense against convolution')).toBe(true);
    // The link scrolled the demo into view.
    await expect
      .poll(() => dense.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight))
      .toBe(true);
    expect(await hashOf(page)).toContain('demo=dense');
  });

  it('the sliding window example stands at stop 91: row 7, column 7 of the 14 × 14 map', async () => {
    const example = byId('sliding-window');
    const { page } = await open({ hash: `#${exampleHash(example)}` });
    expect(await alertText(page)).toBe('');
    await expectExample(page, example);
    const window = page.getByRole('region', { name: 'Sliding window', exact: true });
    await expect.poll(() => window.innerText()).toContain('row 7, column 7');
    expect(await hashOf(page)).toMatch(/&demo=window&stop=91(&|$)/);
  });

  it('stride against pooling opens its fold; the lesson steps through the demos', async () => {
    const example = byId('stride-vs-pooling');
    const step = EXAMPLES.indexOf(example) + 1;
    const { page } = await open({ hash: `#${lessonHash(step)}` });
    expect(await alertText(page)).toBe('');
    await expectExample(page, example);
    expect(await isSectionOpen(page, 'Stride against pooling')).toBe(true);
    const lesson = page.getByRole('region', { name: 'Lesson', exact: true });
    expect(await lesson.innerText()).toMatch(new RegExp(`step ${step} of ${EXAMPLES.length}`, 'i'));
    expect(await lesson.innerText()).toContain(MESSAGES.en[example.title]);
    expect(await hashOf(page)).toContain('demo=shrink');
    // Next: the dense example, its demo opened.
    await lesson.getByRole('link', { name: /Next step/ }).click();
    const dense = page.getByRole('region', { name: 'Dense against convolution', exact: true });
    await expect.poll(() => dense.innerText()).toContain('17,318,528');
    expect(await hashOf(page)).toContain('demo=dense');
    expect(await lesson.getByRole('link', { name: /Next step/ }).count(), 'the last step').toBe(0);
    await lesson.scrollIntoViewIfNeeded();
    await lesson.screenshot({ path: path.join(RESULTS_DIR, 'lesson-dense-1400-en.png') });

    // The window's step in Korean on a phone.
    const { page: ko } = await open({ hash: `#${lessonHash(step - 1)}&lang=ko` });
    await ko.setViewportSize({ width: 390, height: 900 });
    const koLesson = ko.getByRole('region', { name: '단계별 학습', exact: true });
    await expect.poll(() => koLesson.innerText()).toContain('7행 7열');
    await koLesson.scrollIntoViewIfNeeded();
    await koLesson.screenshot({ path: path.join(RESULTS_DIR, 'lesson-window-390-ko.png') });
  });
});
