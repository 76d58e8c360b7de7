/**
 * The receptive-field arithmetic written out, as pure data (no React, no i18n): `receptiveField` of the
 * last layer's feature maps keeps every step (docs/spec.md, "Networks": r += (size − 1)·j, j *= stride),
 * and this turns each step into what it adds to r, r after it and j after it, so the page can show
 * "1 + (3 − 1)·1 = 3" per step and the chain 3 → 4 → 8 → 10 → 18.
 */
import { receptiveField, type AxisField, type LayerOutput, type NetworkSpec } from '../../core/index.ts';

export interface FieldRow {
  /** 0-based layer index. */
  layer: number;
  /** The layer's convolution, or the pooling it feeds on (`maxpool` or `avgpool`). */
  kind: 'conv' | Exclude<LayerOutput, 'conv'>;
  /** Effective kernel size (dilation included) or pooling window, and stride, on this axis. */
  size: number;
  stride: number;
  /** `(3 − 1)·2 = 4`: what the step adds to r. */
  adds: string;
  /** `4 + 4 = 8` */
  r: string;
  /** `2·1 = 2` */
  j: string;
  rAfter: number;
}

export interface FieldTable {
  rows: FieldRow[];
  /** r of each layer's feature maps, layer by layer. */
  layerFields: number[];
  /** `3 → 4 → 8 → 10 → 18`: r after every step. */
  chain: string;
}

/** One axis of `receptiveField(net, last)` as written-out rows. */
export function fieldTable(net: NetworkSpec, field: AxisField): FieldTable {
  let r = 1;
  let j = 1;
  const rows = field.steps.map((step): FieldRow => {
    const added = (step.size - 1) * j;
    // A pooling step is the pooling the layer feeds on (never `conv`, which adds no step).
    const pooled = net.layers[step.layer]?.output === 'avgpool' ? 'avgpool' : 'maxpool';
    const row: FieldRow = {
      layer: step.layer,
      kind: step.kind === 'conv' ? 'conv' : pooled,
      size: step.size,
      stride: step.stride,
      adds: `(${step.size} − 1)·${j} = ${added}`,
      r: `${r} + ${added} = ${step.r}`,
      j: `${j}·${step.stride} = ${step.j}`,
      rAfter: step.r,
    };
    r = step.r;
    j = step.j;
    return row;
  });
  return {
    rows,
    layerFields: rows.filter((row) => row.kind === 'conv').map((row) => row.rAfter),
    chain: rows.map((row) => row.rAfter).join(' → '),
  };
}

/**
 * Both axes of the network's last layer: one table when they read the same (square kernels and windows),
 * else one per axis.
 */
export function networkFieldTables(net: NetworkSpec): { rows: FieldTable; cols: FieldTable; same: boolean } {
  const field = receptiveField(net, net.layers.length - 1);
  const rows = fieldTable(net, field.rows);
  const cols = fieldTable(net, field.cols);
  const same = JSON.stringify(rows) === JSON.stringify(cols);
  return { rows, cols, same };
}
