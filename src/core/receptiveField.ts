/**
 * How much of the image one pixel of a layer sees, and which cells of every layer in between feed it.
 *
 * `receptiveField` follows docs/spec.md ("Networks") per axis: r = 1, j = 1 at the input; each conv
 * r += (k_eff − 1)·j, j *= stride; each pooling that feeds on r += (size − 1)·j, j *= pool stride. It
 * keeps every step, so the page can write the arithmetic out (3 → 5 → 10 …). Padding does not enter:
 * r counts padded cells too, as a window near the border reaches into them.
 *
 * `traceWindows` is the same walk for one pixel, backwards through the geometries: its window on each
 * stage down to the image (padded cells included, as cellWindows.ts `inputWindow` gives a single layer's), each step
 * starting from the previous window's cells inside its map, since padded cells come from nothing.
 */
import { clipRect, type CellRect } from './cellWindows.ts';
import { effectiveKernel, type LayerGeometry } from './geometry.ts';
import type { LayerOutput, NetworkSpec } from './network.ts';
import { kernelShape } from './spec.ts';
import type { Stage } from './stage.ts';

/** One step of the walk: a layer's conv or the pooling it feeds on, and r and j after it. */
export interface FieldStep {
  /** 0-based layer index. */
  layer: number;
  kind: 'conv' | 'pool';
  /** The effective kernel size or the pool window, on this axis. */
  size: number;
  stride: number;
  r: number;
  j: number;
}

/** One axis: the receptive field r, the jump j (input pixels between neighbouring outputs), the steps. */
export interface AxisField {
  r: number;
  j: number;
  steps: FieldStep[];
}

export interface ReceptiveField {
  rows: AxisField;
  cols: AxisField;
}

function isPool(stage: Stage): boolean {
  return stage === 'maxPool' || stage === 'avgPool';
}

/**
 * The receptive field of a pixel of layer `layerIndex` (0-based) on `stage`: its feature maps by
 * default (the page's "Receptive field R × R"), or with that layer's pooling for a pooled pixel.
 */
export function receptiveField(
  net: NetworkSpec,
  layerIndex: number,
  stage: Stage = 'features',
): ReceptiveField {
  if (!Number.isInteger(layerIndex) || layerIndex < 0 || layerIndex >= net.layers.length) {
    throw new RangeError(`receptiveField: no layer ${layerIndex} of ${net.layers.length}`);
  }
  const axes = ([0, 1] as const).map((axis) => {
    const field: AxisField = { r: 1, j: 1, steps: [] };
    const step = (layer: number, kind: FieldStep['kind'], size: number, stride: number) => {
      field.r += (size - 1) * field.j;
      field.j *= stride;
      field.steps.push({ layer, kind, size, stride, r: field.r, j: field.j });
    };
    for (let i = 0; i <= layerIndex; i++) {
      const layer = net.layers[i];
      if (!layer) break;
      const { kh, kw } = kernelShape(layer.filters[0]?.weights ?? [[0]]);
      step(i, 'conv', effectiveKernel(axis === 0 ? kh : kw, layer.dilation[axis]), layer.stride[axis]);
      const pooled = i < layerIndex ? layer.output !== 'conv' : isPool(stage);
      if (pooled) step(i, 'pool', layer.pool.size[axis], layer.pool.stride[axis]);
    }
    return field;
  });
  return { rows: axes[0] as AxisField, cols: axes[1] as AxisField };
}

/** A window on one stage of one layer (`input`: layer 0's input, the image). */
export interface TracedWindow {
  layer: number;
  stage: 'input' | Stage;
  window: CellRect;
}

const FED_STAGE: Record<LayerOutput, Stage> = { conv: 'features', maxpool: 'maxPool', avgpool: 'avgPool' };

/** The window of cells, `size` wide every `stride` less `pad`, that output cells `cells` read. */
function windowOf(cells: CellRect, size: [number, number], stride: [number, number], pads: [number, number]) {
  return {
    top: cells.top * stride[0] - pads[0],
    left: cells.left * stride[1] - pads[1],
    height: (cells.height - 1) * stride[0] + size[0],
    width: (cells.width - 1) * stride[1] + size[1],
  };
}

/**
 * Pixel (y, x) of layer `layerIndex`'s `stage` traced back to the image: its window on that layer's
 * feature maps (for a pooled pixel), on each earlier layer's fed result and feature maps, and on the
 * image, in that order (the pixel itself first). `geometries` are `networkGeometry(net, …)`.
 */
export function traceWindows(
  net: NetworkSpec,
  geometries: readonly LayerGeometry[],
  layerIndex: number,
  stage: Stage,
  y: number,
  x: number,
): TracedWindow[] {
  const pixel: CellRect = { top: y, left: x, height: 1, width: 1 };
  const trace: TracedWindow[] = [{ layer: layerIndex, stage, window: pixel }];
  let cells = pixel;
  let onPool = isPool(stage);
  for (let i = layerIndex; i >= 0; i--) {
    const layer = net.layers[i];
    const geometry = geometries[i];
    if (!layer || !geometry) throw new RangeError(`traceWindows: no layer ${i} of ${net.layers.length}`);
    if (onPool) {
      const { pads } = geometry.pool;
      const window = windowOf(cells, layer.pool.size, layer.pool.stride, [pads.top, pads.left]);
      trace.push({ layer: i, stage: 'features', window });
      cells = clipRect(window, geometry.conv.height, geometry.conv.width);
    }
    const { pads, input } = geometry;
    const window = windowOf(cells, geometry.kernelEff, layer.stride, [pads.top, pads.left]);
    const before = net.layers[i - 1];
    trace.push({ layer: before ? i - 1 : 0, stage: before ? FED_STAGE[before.output] : 'input', window });
    cells = clipRect(window, input.height, input.width);
    onPool = before !== undefined && before.output !== 'conv';
  }
  return trace;
}
