/**
 * The last settings that worked, and the way back to them: a layer that cannot fit the machine
 * (budget.ts) is refused before computing, and a refusal, a Cancel or a failure returns the store to the
 * spec of the last frame drawn (the defaults if there is none, or it does not fit the image now).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { StoreApi } from 'zustand/vanilla';
import { defaultSpec, type LayerSpec } from '../core/index.ts';
import type { State } from '../store/index.ts';
import { estimate } from './budget.ts';

/** Told when a layer cannot fit: its spec, the image's size and the bytes it would need at its peak. */
export type OnRefuse = (spec: LayerSpec, height: number, width: number, bytes: number) => void;

export class LastGood {
  /** The spec of the last frame drawn, or null before the first. */
  spec: LayerSpec | null = null;

  constructor(
    private readonly store: StoreApi<State>,
    private readonly onRefuse: OnRefuse,
  ) {}

  /** Whether `spec` fits the machine on `image`; if not, it is refused at once and the store goes back. */
  admits(spec: LayerSpec, image: tf.Tensor3D, msPerMac: number): boolean {
    const [height, width] = image.shape;
    const verdict = estimate(spec, height, width, msPerMac);
    if (verdict.fits) return true;
    this.onRefuse(spec, height, width, verdict.bytes);
    this.restore(image);
    return false;
  }

  /** Puts the last good spec back in the store (the defaults if there is none, or it does not fit). */
  restore(image: tf.Tensor3D | null): void {
    const good = this.spec;
    const fits = (spec: LayerSpec, [height, width]: number[]) => {
      try {
        return estimate(spec, height as number, width as number, 0).fits;
      } catch {
        return false;
      }
    };
    const spec = good && image && fits(good, image.shape) ? good : defaultSpec();
    if (this.store.getState().spec !== spec) this.store.setState({ spec });
  }
}
