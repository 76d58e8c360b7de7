import type { CellRect } from '../../core/cellWindows.ts';
import type { LayerOutput, NetworkSpec } from '../../core/index.ts';
import type { TracedWindow } from '../../core/receptiveField.ts';

/**
 * What a deeper layer (k ≥ 1) reads, for the inspector's words: the C maps layer k-1 feeds it (its max
 * pooling, average pooling or feature maps, docs/spec.md "Networks"), and the inspected pixel's
 * receptive field on the image (the last window of its trace). Null for layer 0, which reads the image.
 */
export interface FedInput {
  /** The 1-based layer the maps come from. */
  from: number;
  output: LayerOutput;
  /** How many maps are fed in. */
  maps: number;
  /** The pixel's window on the image, padded cells included; null while no trace is known. */
  imageWindow: CellRect | null;
}

export function fedInput(
  network: NetworkSpec,
  layer: number,
  maps: number,
  trace: readonly TracedWindow[] | null,
): FedInput | null {
  const before = network.layers[layer - 1];
  if (layer < 1 || !before) return null;
  const last = trace?.[trace.length - 1];
  return {
    from: layer,
    output: before.output,
    maps,
    imageWindow: last?.stage === 'input' ? last.window : null,
  };
}
