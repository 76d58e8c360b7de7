/**
 * The last settings that worked, and the way back to them: a network with a layer that cannot fit the
 * machine (budget.ts) is refused before computing, and a refusal, a Cancel or a failure returns the
 * store to the network of the last frame drawn (the defaults if there is none, or it does not fit the
 * image now).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { StoreApi } from 'zustand/vanilla';
import { networkGeometry, type LayerSpec, type NetworkSpec } from '../core/index.ts';
import { defaultNetwork, type State } from '../store/index.ts';
import { estimate } from './budget.ts';

/** Told when a layer cannot fit: its spec, its input's size and the bytes it would need at its peak. */
export type OnRefuse = (spec: LayerSpec, height: number, width: number, bytes: number) => void;

/** The first layer of `net` that cannot fit on an image of height x width at `msPerMac`, or null. */
function misfit(
  net: NetworkSpec,
  height: number,
  width: number,
  msPerMac: number,
): { spec: LayerSpec; height: number; width: number; bytes: number } | null {
  const geometries = networkGeometry(net, height, width);
  for (const [i, spec] of net.layers.entries()) {
    const input = geometries[i]?.input;
    if (!input) continue;
    const verdict = estimate(spec, input.height, input.width, msPerMac);
    if (!verdict.fits) return { spec, height: input.height, width: input.width, bytes: verdict.bytes };
  }
  return null;
}

export class LastGood {
  /** The network of the last frame drawn, or null before the first. */
  network: NetworkSpec | null = null;

  constructor(
    private readonly store: StoreApi<State>,
    private readonly onRefuse: OnRefuse,
  ) {}

  /** Whether `net` fits the machine on `image`; if not, it is refused at once and the store goes back. */
  admits(net: NetworkSpec, image: tf.Tensor3D, msPerMac: number): boolean {
    const [height, width] = image.shape;
    const refused = misfit(net, height, width, msPerMac);
    if (!refused) return true;
    this.onRefuse(refused.spec, refused.height, refused.width, refused.bytes);
    this.restore(image);
    return false;
  }

  /** Puts the last good network back in the store (the defaults if there is none, or it does not fit). */
  restore(image: tf.Tensor3D | null): void {
    const good = this.network;
    const fits = (net: NetworkSpec, [height, width]: number[]) => {
      try {
        return misfit(net, height as number, width as number, 0) === null;
      } catch {
        return false;
      }
    };
    const network = good && image && fits(good, image.shape) ? good : defaultNetwork();
    const { network: now, editing } = this.store.getState();
    if (now !== network) {
      this.store.setState({ network, editing: Math.min(editing, network.layers.length - 1) });
    }
  }
}
