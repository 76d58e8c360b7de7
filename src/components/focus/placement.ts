/**
 * Where a view's pixels sit over the input, so the focus view can draw a map at the input's scale: pixel
 * i of the view (per axis) covers input coordinates [origin + i·step, origin + (i + 1)·step), centred on
 * the centre of the input region it came from (its receptive field; input pixel j spans [j, j + 1)).
 * A stride-2 map has step 2; a VALID map starts (k − 1)/2 pixels in.
 */
import { effectiveKernel, type LayerGeometry, type LayerSpec, type Stage } from '../../core/index.ts';

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
