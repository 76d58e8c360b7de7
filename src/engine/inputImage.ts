/**
 * The engine's input image: its tensor [H, W, 3] (float32, 0..255), made from a still image in bands
 * (imageBands.ts) or from a playing video's current video frame, and a still image's pixels kept on the CPU,
 * so the tensor can be made again after a lost WebGL context or a backend switch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readInBands, snapshot } from './imageBands.ts';
import { tensorOfPixels } from './pixels.ts';

/** User Timing name of a still image's reading into the engine (imageBands.ts): tests read it. */
const IMAGE_READ_MARK = 'kernelscope:image-read';

/** What the image tells its owner. */
export interface ImageEvents {
  /** A new tensor is in (`gray`: its gray layer input, made with it, for a still image). */
  changed: (tensor: tf.Tensor3D, gray: tf.Tensor3D | null) => void;
  /** How far a still image's reading has come (bands done of total); null when it ends. */
  progress: (band: { done: number; total: number } | null) => void;
  failed: (error: unknown) => void;
}

/** An image's values carried across a backend switch. */
export interface CarriedImage {
  values: Float32Array;
  shape: [number, number, number];
}

export class InputImage {
  private current: tf.Tensor3D | null = null;
  private pixels: ImageData | null = null;
  /** Bumped by each new image: a still image being read in bands is dropped when a newer one comes. */
  private token = 0;
  private readingStill = false;

  constructor(private readonly events: ImageEvents) {}

  get tensor(): tf.Tensor3D | null {
    return this.current;
  }

  /** Whether a still image is being read (its frame follows once it is in). */
  get reading(): boolean {
    return this.readingStill;
  }

  /**
   * Takes the pixels of a decoded image (the caller closes the bitmap afterwards) or the current video
   * frame of a playing video (readyState >= 2) as the new input.
   */
  set(source: ImageBitmap | ImageData | HTMLCanvasElement | HTMLVideoElement): void {
    const token = ++this.token;
    // Video frames come again; a still image is kept on the CPU in case the GPU context is lost, and
    // its tensor is made from that copy (one pixel read for both), in bands (imageBands.ts).
    const still = source instanceof HTMLVideoElement ? null : snapshot(source);
    if (!still) {
      this.readingStill = false;
      this.replace(
        tf.tidy(() => tf.cast(tf.browser.fromPixels(source, 3), 'float32') as tf.Tensor3D),
        null,
      );
      return;
    }
    this.readingStill = true;
    const readStart = performance.now();
    const stale = () => token !== this.token;
    void readInBands(still, stale, (done, total) => {
      if (total > 1) this.events.progress({ done, total });
    })
      .then((read) => {
        if (!read || stale()) {
          read?.tensor.dispose();
          read?.gray.dispose();
          return;
        }
        this.pixels = read.pixels;
        this.readingStill = false;
        this.replace(read.tensor, read.gray);
        // User Timing, for tests and profiles: how long the image took to become the input.
        performance.measure(IMAGE_READ_MARK, { start: readStart });
      })
      .catch((error: unknown) => {
        if (stale()) return;
        this.readingStill = false;
        this.events.failed(error);
      })
      .finally(() => {
        if (!stale()) this.events.progress(null);
      });
  }

  private replace(next: tf.Tensor3D, gray: tf.Tensor3D | null): void {
    this.current?.dispose();
    this.current = next;
    this.events.changed(next, gray);
  }

  /** The tensor's values, to carry across a backend switch (null without an image). */
  async carry(): Promise<CarriedImage | null> {
    const image = this.current;
    if (!image) return null;
    return { values: (await image.data()) as Float32Array, shape: image.shape };
  }

  /** Disposes the tensor (before a backend switch); the CPU copy of a still image stays. */
  drop(): void {
    this.current?.dispose();
    this.current = null;
  }

  /**
   * After a backend switch: the tensor again from `carried` values, else from the still image's CPU copy,
   * unless a newer video frame came meanwhile (the webcam keeps running).
   */
  restore(carried: CarriedImage | null): void {
    if (this.current) return;
    if (carried) this.current = tf.tensor3d(carried.values, carried.shape, 'float32');
    else if (this.pixels) this.current = tensorOfPixels(this.pixels);
  }
}
