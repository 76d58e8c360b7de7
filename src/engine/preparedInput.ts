/**
 * What a kernel edit does not change, kept between frames: the layer input (luma or RGB of the image)
 * and that input padded by the current pads in each padding mode asked for. A kernel edit then costs
 * only the convolution, the activation and the poolings; a new image, another channel mode or other
 * pads rebuild what they invalidate. Each kept tensor has a version, so that a canvas drawn from it is
 * redrawn only when it changed.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { layerInput, padImage, type Channels, type Pads, type PadMode } from '../core/index.ts';

interface Kept {
  tensor: tf.Tensor3D;
  version: number;
}

function padsKey(pads: Pads): string {
  return `${pads.top},${pads.bottom},${pads.left},${pads.right}`;
}

export class PreparedInput {
  private image: tf.Tensor3D | null = null;
  private channels: Channels | null = null;
  private input: Kept | null = null;
  private pads = '';
  private readonly padded = new Map<PadMode, Kept>();
  private versions = 0;

  /** Keeps `gray` (made already, e.g. in bands) as the gray input of `image`; owned from now on. */
  seed(image: tf.Tensor3D, gray: tf.Tensor3D): void {
    this.clear();
    this.image = image;
    this.channels = 'gray';
    this.input = { tensor: gray, version: ++this.versions };
  }

  /** Whether the layer input of `image` in `channels` is kept already (nothing to compute). */
  holds(image: tf.Tensor3D, channels: Channels): boolean {
    return (
      this.input !== null && this.image === image && (this.channels === 'gray') === (channels === 'gray')
    );
  }

  /** The layer input of `image` in `channels` (kept; do not dispose it). */
  inputOf(image: tf.Tensor3D, channels: Channels): Kept {
    const gray = (c: Channels | null) => c === 'gray';
    if (this.input && this.image === image && gray(this.channels) === gray(channels)) {
      this.channels = channels;
      return this.input;
    }
    this.clear();
    this.image = image;
    this.channels = channels;
    this.input = { tensor: layerInput(image, channels), version: ++this.versions };
    return this.input;
  }

  /** The layer input padded by `pads` in `mode` (kept; do not dispose it). Call `inputOf` first. */
  paddedOf(image: tf.Tensor3D, channels: Channels, pads: Pads, mode: PadMode): Kept {
    const input = this.inputOf(image, channels);
    const key = padsKey(pads);
    if (key !== this.pads) {
      this.disposePadded();
      this.pads = key;
    }
    let kept = this.padded.get(mode);
    if (!kept) {
      kept = { tensor: padImage(input.tensor, pads, mode), version: ++this.versions };
      this.padded.set(mode, kept);
    }
    return kept;
  }

  /** Disposes everything kept (a new image, a backend switch, a lost context). */
  clear(): void {
    this.disposePadded();
    this.input?.tensor.dispose();
    this.input = null;
    this.image = null;
    this.channels = null;
  }

  private disposePadded(): void {
    for (const kept of this.padded.values()) kept.tensor.dispose();
    this.padded.clear();
    this.pads = '';
  }
}
