/**
 * A preview of a layer while a value is being dragged on a large image: the convolution at `factor`
 * times the stride. A strided convolution computes the same sums at fewer places, so the preview's maps
 * before and after the activation are exactly every factor-th row and column of the full maps
 * (`full[i·f][j·f] = preview[i][j]`), at about 1/f² of the work. The padding is the full layer's (as
 * explicit pads), so the page's kept padded input serves both.
 *
 * The poolings cannot be cut out of the preview exactly (their windows need every pixel): the preview
 * pools its own maps with the window and stride divided by the factor (rounded up, at least 1, the
 * window at most the map), which covers about the same part of the image. They are approximations
 * until the full result comes.
 */
import { layerGeometry, type LayerGeometry } from './geometry.ts';
import type { LayerSpec, PoolSpec } from './spec.ts';

/** Largest preview factor: every 16th pixel (a 4096² map previewed at 256²). */
export const MAX_PREVIEW_FACTOR = 16;

export interface PreviewLayer {
  spec: LayerSpec;
  geometry: LayerGeometry;
  factor: number;
}

function previewPool(pool: PoolSpec, factor: number, height: number, width: number): PoolSpec {
  const shrink = (n: number, limit: number) => Math.max(1, Math.min(limit, Math.ceil(n / factor)));
  return {
    ...pool,
    size: [shrink(pool.size[0], height), shrink(pool.size[1], width)],
    stride: [shrink(pool.stride[0], Infinity), shrink(pool.stride[1], Infinity)],
  };
}

/**
 * The preview of `spec` (whose geometry on the image is `geometry`) at `factor` (an integer from 2 to
 * MAX_PREVIEW_FACTOR), to run with `runLayerPadded` on the full layer's padded input. Null when there is
 * none worth having: a factor below 2, or a dilated kernel (tfjs cannot stride a dilated convolution,
 * so the page computes it densely: a preview would cost as much as the full layer).
 */
export function previewLayer(spec: LayerSpec, geometry: LayerGeometry, factor: number): PreviewLayer | null {
  const f = Math.min(MAX_PREVIEW_FACTOR, Math.floor(factor));
  if (!(f >= 2) || spec.dilation.some((d) => d > 1)) return null;
  const { pads, input } = geometry;
  const strided: LayerSpec = {
    ...spec,
    stride: [spec.stride[0] * f, spec.stride[1] * f],
    padding: [pads.top, pads.bottom, pads.left, pads.right],
  };
  // The strided maps' size: every f-th of the full maps, rounded up.
  const height = Math.ceil(geometry.conv.height / f);
  const width = Math.ceil(geometry.conv.width / f);
  const preview = { ...strided, pool: previewPool(spec.pool, f, height, width) };
  return { spec: preview, geometry: layerGeometry(preview, input.height, input.width), factor: f };
}

/**
 * The preview factor that brings a computation estimated at `fullMs` down to about `targetMs` (work
 * falls with the square of the factor): 1 (no preview) when it is within `targetMs` already.
 */
export function previewFactor(fullMs: number, targetMs: number): number {
  if (!(fullMs > targetMs) || !(targetMs > 0)) return 1;
  return Math.min(MAX_PREVIEW_FACTOR, Math.ceil(Math.sqrt(fullMs / targetMs)));
}

/**
 * The next preview's factor during a drag, from the last one's: a preview at `factor` took `ms`, so the
 * factor that brings it to about `targetMs` (kept from 2, a preview once one is needed, to the maximum).
 */
export function adjustPreviewFactor(factor: number, ms: number, targetMs: number): number {
  const next = Math.round(factor * Math.sqrt(ms / targetMs));
  return Number.isFinite(next) ? Math.min(MAX_PREVIEW_FACTOR, Math.max(2, next)) : factor;
}
