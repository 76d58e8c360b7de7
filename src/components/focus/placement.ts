/**
 * Where a view's pixels sit over the input, so the focus view can draw a map at the input's scale: pixel
 * i of the view (per axis) covers input coordinates [origin + i·step, origin + (i + 1)·step), centred on
 * the centre of the input region it came from (its receptive field; input pixel j spans [j, j + 1)).
 * A stride-2 map has step 2; a VALID map starts (k − 1)/2 pixels in. A deeper layer's map is placed over
 * its input, the result the layer before fed it, and that over its own input, down to the image.
 */
import {
  effectiveKernel,
  type LayerGeometry,
  type LayerOutput,
  type LayerSpec,
  type NetworkSpec,
  type Stage,
} from '../../core/index.ts';

export interface Placement {
  /** Input pixels per view pixel, rows then columns. */
  step: [number, number];
  /** Input coordinate of the view's top-left corner, rows then columns. */
  origin: [number, number];
}

export type FocusKind = 'input' | 'magnitude' | Stage;

export function placementOf(kind: FocusKind, spec: LayerSpec, geometry: LayerGeometry): Placement {
  if (kind === 'input') return { step: [1, 1], origin: [0, 0] };
  const { pads, kernel } = geometry;
  const axis = (a: 0 | 1) => {
    const stride = spec.stride[a];
    // Centre (input coordinate) of conv pixel c: its window's middle tap, plus half a pixel.
    const first =
      (a === 0 ? -pads.top : -pads.left) + (effectiveKernel(kernel[a], spec.dilation[a]) - 1) / 2 + 0.5;
    if (kind !== 'maxPool' && kind !== 'avgPool') return { step: stride, origin: first - stride / 2 };
    const pool = geometry.pool.pads;
    // Pool pixel r's window centre in conv pixels, then in input coordinates.
    const centre = (a === 0 ? -pool.top : -pool.left) + (spec.pool.size[a] - 1) / 2;
    const step = stride * spec.pool.stride[a];
    return { step, origin: first + stride * centre - step / 2 };
  };
  const [rows, cols] = [axis(0), axis(1)];
  return { step: [rows.step, cols.step], origin: [rows.origin, cols.origin] };
}

const FED_KIND: Record<LayerOutput, Stage> = { conv: 'features', maxpool: 'maxPool', avgpool: 'avgPool' };

/**
 * Where view `kind` of layer `layer` (0-based) sits over the image: its placement over the layer's input
 * composed with the placement of that input (the result the layer before feeds on) over the image.
 */
export function networkPlacement(
  kind: FocusKind,
  net: NetworkSpec,
  geometries: readonly LayerGeometry[],
  layer: number,
): Placement {
  const here = (k: FocusKind, i: number): Placement => {
    const spec = net.layers[i];
    const geometry = geometries[i];
    if (!spec || !geometry) throw new RangeError(`networkPlacement: no layer ${i}`);
    return placementOf(k, spec, geometry);
  };
  let placed = here(kind, layer);
  if (kind === 'input') return placed;
  for (let i = layer - 1; i >= 0; i--) {
    const fed = net.layers[i];
    if (!fed) break;
    // Coordinate u of layer i + 1's input is u input pixels of what layer i fed it, placed in turn.
    const below = here(FED_KIND[fed.output], i);
    placed = {
      step: [placed.step[0] * below.step[0], placed.step[1] * below.step[1]],
      origin: [
        below.origin[0] + placed.origin[0] * below.step[0],
        below.origin[1] + placed.origin[1] * below.step[1],
      ],
    };
  }
  return placed;
}
