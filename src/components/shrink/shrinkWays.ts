/**
 * What each of the three downsamplings gives on this image (docs/demos.md, "Stride against pooling"): its
 * shape and work from `downsampleCost`, or why it has no output, so the demo says so instead of showing a
 * blank canvas. Pure.
 */
import {
  downsampleCost,
  downsampleGeometry,
  DOWNSAMPLINGS,
  SpecError,
  type DownsampleCost,
  type Downsampling,
  type LayerSpec,
} from '../../core/index.ts';

export type WayOutcome =
  | { way: Downsampling; kind: 'ok'; cost: DownsampleCost }
  /** The convolution itself leaves nothing (the layer's filter and padding on this image). */
  | { way: Downsampling; kind: 'noConv' }
  /** The stride-1 map is smaller than the 2 × 2 pooling window. */
  | { way: Downsampling; kind: 'noPool'; map: [number, number] };

/** The three ways, in page order, on an image of height × width. */
export function shrinkWays(spec: LayerSpec, height: number, width: number): WayOutcome[] {
  return DOWNSAMPLINGS.map((way): WayOutcome => {
    try {
      const { conv, pool } = downsampleGeometry(spec, height, width, way);
      if (way !== 'stride' && pool.empty) return { way, kind: 'noPool', map: [conv.height, conv.width] };
      return { way, kind: 'ok', cost: downsampleCost(spec, height, width, way) };
    } catch (error) {
      if (error instanceof SpecError) return { way, kind: 'noConv' };
      throw error;
    }
  });
}
