/**
 * The webcam as the input: Chromium's fake camera (`--use-fake-device-for-media-stream`, a moving 640 × 480
 * test picture, with `--use-fake-ui-for-media-stream` answering the permission prompt; E2E_CHROMIUM_ARGS) through the layer.
 * "Use webcam" makes the input 480 × 640 and keeps redrawing with the frame rate shown; "Stop webcam" keeps
 * the last frame. A camera that is refused, or no camera API at all, gives an alert and the sample stays.
 *
 * The camera tests run on webgl (the video frame goes to the GPU as a texture); the refusals, which never
 * get a frame, on wasm.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  alertText,
  backendQuery,
  expectShape,
  frames,
  isUniform,
  readCanvas,
  screenshot,
  shapesOf,
  useBrowser,
  type OpenOptions,
} from './support.ts';

const { open: openSession } = useBrowser({ backend: 'webgl' });
/** The longest a webcam frame may take to be drawn (software WebGL on a busy machine). */
const LIVE_FRAME_TIMEOUT_MS = 20_000;
/** The tests that run the camera: a dozen 640 × 480 frames on software WebGL can take a minute or more. */
const LIVE_TEST_TIMEOUT_MS = 240_000;

/** Opens the page and waits for the first draw. */
async function open(options: OpenOptions = {}): Promise<Page> {
  return (await openSession(options)).page;
}

/** data-frames, which must be there. */
async function frameCount(page: Page): Promise<number> {
  const n = await frames(page);
  if (n === null) throw new Error('the page has no <main data-frames>');
  return n;
}

/** Waits until data-frames has not changed for 3 s (at most LIVE_FRAME_TIMEOUT_MS in all); returns it. */
async function quietFrames(page: Page): Promise<number> {
  const deadline = Date.now() + LIVE_FRAME_TIMEOUT_MS;
  let last = await frameCount(page);
  let since = Date.now();
  while (Date.now() - since < 3_000) {
    if (Date.now() > deadline) throw new Error(`data-frames kept changing for ${LIVE_FRAME_TIMEOUT_MS} ms`);
    await page.waitForTimeout(250);
    const now = await frameCount(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}

/** The frame rate the image panel shows ("Live: 12.3 fps"), or null while there is none. */
async function shownFps(page: Page): Promise<number | null> {
  const texts = await page.getByText(/\d+(\.\d+)?\s*fps/).allInnerTexts();
  const match = texts.join(' ').match(/(\d+(?:\.\d+)?)\s*fps/);
  return match ? Number(match[1]) : null;
}

describe('the webcam', () => {
  it(
    '"Use webcam" runs the fake camera through the layer at 480 × 640; "Stop webcam" keeps the last frame',
    async () => {
      const page = await open();
      const sampleShape = (await shapesOf(page, 'Input image'))[0];
      expect(sampleShape).not.toBe('480 × 640');

      await page.getByRole('button', { name: 'Use webcam', exact: true }).click();
      await expectShape(page, 'Input image', '480 × 640');
      await expectShape(page, 'Feature map 1', '480 × 640');
      await expectShape(page, 'Max pooling 1', '240 × 320');
      await page.getByText('Showing Webcam 640 × 480').waitFor();
      const stop = page.getByRole('button', { name: 'Stop webcam', exact: true });
      await stop.waitFor();

      // Frames keep coming: over 2 s and more, data-frames grows, and grows again. (How fast depends on the
      // machine: software WebGL on a busy CPU can take seconds per 640 × 480 frame, so no rate is asserted.)
      const start = Date.now();
      let seen = await frameCount(page);
      for (let i = 0; i < 3; i++) {
        const before = seen;
        await expect
          .poll(() => frameCount(page), {
            timeout: LIVE_FRAME_TIMEOUT_MS,
            message: `data-frames should keep growing with the webcam on (stuck at ${before})`,
          })
          .toBeGreaterThan(before);
        seen = await frameCount(page);
      }
      if (Date.now() - start < 2_000) await page.waitForTimeout(2_000 - (Date.now() - start));
      await expect
        .poll(() => frameCount(page), {
          timeout: LIVE_FRAME_TIMEOUT_MS,
          message: 'data-frames still growing',
        })
        .toBeGreaterThan(seen);

      await expect
        .poll(() => shownFps(page), { timeout: 10_000, message: 'the image panel shows the frame rate' })
        .toBeGreaterThan(0);

      const map = await readCanvas(page, 'Feature map 1');
      expect([map.height, map.width]).toEqual([480, 640]);
      expect(isUniform(map), 'the feature map of the camera picture shows something').toBe(false);
      const input = await readCanvas(page, 'Input image');
      expect(isUniform(input), 'the input shows the camera picture').toBe(false);
      await screenshot(page, 'webcam-live');

      // One video element, playing the camera.
      expect(await page.locator('video[data-webcam]').count()).toBe(1);

      await stop.click();
      await page.getByRole('button', { name: 'Use webcam', exact: true }).waitFor();
      // The last frame may still be in the engine when the button is clicked: let it land, then nothing more.
      const stoppedAt = await quietFrames(page);
      await page.waitForTimeout(2_000);
      expect(await frameCount(page), 'no redraws after "Stop webcam"').toBe(stoppedAt);
      expect(await shapesOf(page, 'Input image')).toContain('480 × 640');
      expect(await shapesOf(page, 'Feature map 1')).toContain('480 × 640');
      expect(await shownFps(page)).toBeNull();
      expect(await page.locator('video[data-webcam]').count(), 'the video element is gone').toBe(0);
      const kept = await readCanvas(page, 'Feature map 1');
      expect(isUniform(kept), 'the last frame stays').toBe(false);
      expect(await alertText(page)).toBe('');
    },
    LIVE_TEST_TIMEOUT_MS,
  );

  it(
    'choosing a sample while the webcam runs stops it and shows the sample',
    async () => {
      const page = await open();
      const sampleShape = (await shapesOf(page, 'Input image'))[0] as string;
      await page.getByRole('button', { name: 'Use webcam', exact: true }).click();
      await expectShape(page, 'Input image', '480 × 640');
      await page.getByLabel('Sample image', { exact: true }).selectOption('fashion-mnist-27');
      await expectShape(page, 'Input image', '27 × 27');
      await page.getByRole('button', { name: 'Use webcam', exact: true }).waitFor();
      const n = await quietFrames(page);
      await page.waitForTimeout(2_000);
      expect(await frameCount(page), 'no redraws once the sample replaced the webcam').toBe(n);
      expect(await shapesOf(page, 'Input image')).toContain('27 × 27');
      expect(sampleShape).not.toBe('480 × 640');
      expect(await page.locator('video[data-webcam]').count()).toBe(0);
    },
    LIVE_TEST_TIMEOUT_MS,
  );

  it('a refused camera (NotAllowedError) gives an alert and the sample image stays', async () => {
    const page = await open({
      query: backendQuery('wasm'),
      initScript: () => {
        navigator.mediaDevices.getUserMedia = () =>
          Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      },
    });
    const sampleShapes = await shapesOf(page, 'Input image');
    const n = await frameCount(page);
    await page.getByRole('button', { name: 'Use webcam', exact: true }).click();
    await expect.poll(() => alertText(page)).toContain('permission to use the camera was refused');
    await expect.poll(() => alertText(page)).toContain('The previous image is still shown');
    expect(await page.getByRole('button', { name: 'Use webcam', exact: true }).isEnabled()).toBe(true);
    expect(await shapesOf(page, 'Input image')).toEqual(sampleShapes);
    expect(await frameCount(page)).toBe(n);
    expect(await page.locator('video[data-webcam]').count()).toBe(0);
  });

  it('no camera (NotFoundError) and no camera API (insecure page) each say so, in Korean too', async () => {
    const page = await open({
      query: backendQuery('wasm'),
      hash: '#lang=ko',
      initScript: () => {
        navigator.mediaDevices.getUserMedia = () =>
          Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
      },
    });
    const sampleShapes = await shapesOf(page, '입력 이미지');
    await page.getByRole('button', { name: '웹캠 사용', exact: true }).click();
    await expect.poll(() => alertText(page)).toContain('카메라를 찾을 수 없습니다');
    expect(await shapesOf(page, '입력 이미지')).toEqual(sampleShapes);

    const insecure = await open({
      query: backendQuery('wasm'),
      initScript: () => {
        Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined });
      },
    });
    const shapes = await shapesOf(insecure, 'Input image');
    await insecure.getByRole('button', { name: 'Use webcam', exact: true }).click();
    await expect.poll(() => alertText(insecure)).toContain('HTTPS or from localhost');
    expect(await shapesOf(insecure, 'Input image')).toEqual(shapes);
  });
});
