/**
 * The network's layers after the first, brought up to date on each frame once layer 0 is: layer k takes
 * what layer k-1 feeds on (`ResultCache.fedOf`, patches merged in), padded in its own mode, through
 * `ResultCache.update(k, …)`. A layer whose spec and input did not change computes nothing, so an edit in
 * layer k recomputes layers k..n only (a one-filter edit: that filter's maps, then the layers after).
 *
 * Deeper layers are computed whole, never in strips, previewed or announced as long work: the large-frame
 * strategies (inStrips.ts, dragPreview.ts, longWork.ts) judge and measure layer 0, the layer on the
 * image, while each deeper layer works on maps a stride or a pooling has usually made smaller, and
 * budget.ts has refused beforehand any layer that cannot fit the machine.
 */
import { runLayerPadded, type LayerGeometry, type NetworkSpec } from '../core/index.ts';
import type { ResultCache } from './resultCache.ts';
import type { LayerFrame } from './views.ts';

/**
 * Layers 1.. of `network` (`geometries` from networkGeometry) after layer 0 is up to date in `cache`;
 * each layer computed is added to `computed`. Returns their frames (`deeper[k - 1]` is layer k). Not
 * stopped by a newer edit: a frame superseded on every edit (a drag, the webcam) must still draw.
 */
export async function updateDeeper(
  cache: ResultCache,
  network: NetworkSpec,
  geometries: readonly LayerGeometry[],
  computed: number[],
): Promise<LayerFrame[]> {
  const frames: LayerFrame[] = [];
  for (let k = 1; k < network.layers.length; k++) {
    const layer = network.layers[k];
    const before = network.layers[k - 1];
    const geometry = geometries[k];
    if (!layer || !before || !geometry) throw new Error(`updateDeeper: no layer or geometry ${k + 1}`);
    const input = cache.fedOf(k - 1, before);
    const padded = cache.paddedFedOf(k, input, geometry.pads, layer.padMode);
    const outputs = await cache.update(k, padded, layer, geometry, async (spec, geo) => {
      computed.push(k);
      return runLayerPadded(padded, spec, geo);
    });
    const kept = cache.layer(k);
    if (!outputs || !kept) throw new Error(`updateDeeper: layer ${k + 1} not computed`);
    frames.push({ input, spec: layer, geometry, outputs, patches: kept.patches });
  }
  return frames;
}
