/**
 * Whether a layer fits the machine, judged before computing it (a pure function): the bytes of the
 * tensors a frame holds at its peak, the largest single one, and the time by a pace in ms per
 * multiply-add. A frame that cannot fit is refused at once, with what would fit (fewer filters, a
 * smaller image); one that fits but is long is announced with its time and can be cancelled.
 */
import { layerGeometry, multiplyAdds, type LayerGeometry, type LayerSpec } from '../core/index.ts';

/**
 * Peak bytes a frame may hold. tfjs-wasm's heap is one wasm32 memory (4 GiB at most) that grows by
 * copying and fragments, so half of it; webgl and cpu get the same bound (a GPU's memory is not known).
 */
export const MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;
/** Bytes of one tensor at most: one contiguous block of that heap (an array of 2^28 floats failed). */
export const TENSOR_LIMIT_BYTES = 512 * 1024 ** 2;
/** A frame estimated longer than this is announced with its time and a Cancel button. */
export const LONG_MS = 10_000;

const FLOAT = 4;

export interface Estimate {
  /** Peak bytes of the frame's tensors. */
  bytes: number;
  /** Bytes of its largest tensor. */
  largest: number;
  /** Estimated milliseconds of the convolution at the given pace. */
  ms: number;
  fits: boolean;
}

/**
 * Peak tensors of a frame: the RGB image, the layer input, its padded form, the conv output before and
 * after the activation (twice over while strips are joined), and both poolings.
 */
function frameBytes(geometry: LayerGeometry): { bytes: number; largest: number } {
  const { input, pads, conv, pool } = geometry;
  const pixels = input.height * input.width;
  const image = pixels * 3 * FLOAT;
  const layerInput = pixels * input.channels * FLOAT;
  const padded =
    (input.height + pads.top + pads.bottom) * (input.width + pads.left + pads.right) * input.channels * FLOAT;
  const maps = conv.height * conv.width * conv.maps * FLOAT;
  const pooled = pool.height * pool.width * conv.maps * FLOAT;
  return {
    bytes: image + layerInput + padded + 4 * maps + 2 * pooled,
    largest: Math.max(image, layerInput, padded, maps),
  };
}

/** The estimate of `spec` on an image of height × width at `msPerMac`; throws a SpecError as geometry does. */
export function estimate(spec: LayerSpec, height: number, width: number, msPerMac: number): Estimate {
  const geometry = layerGeometry(spec, height, width);
  const { bytes, largest } = frameBytes(geometry);
  return {
    bytes,
    largest,
    ms: multiplyAdds(spec, geometry) * msPerMac,
    fits: bytes <= MEMORY_LIMIT_BYTES && largest <= TENSOR_LIMIT_BYTES,
  };
}

function fitsAt(spec: LayerSpec, height: number, width: number): boolean {
  try {
    return estimate(spec, height, width, 0).fits;
  } catch {
    return false;
  }
}

/** What would fit instead: the most filters on this image, and the largest image (same shape) for this layer. */
export interface Fit {
  /** Filters that fit on this image (0: not even one). */
  filters: number;
  /** The largest image of the same proportions that fits this layer, or null if none does. */
  image: { height: number; width: number } | null;
}

export function whatFits(spec: LayerSpec, height: number, width: number): Fit {
  let filters = 0;
  for (let n = spec.filters.length; n >= 1; n--) {
    if (fitsAt({ ...spec, filters: spec.filters.slice(0, n) }, height, width)) {
      filters = n;
      break;
    }
  }
  // The fit is monotone in the scale: bisect it, in whole pixels of the longer side.
  const long = Math.max(height, width);
  const at = (side: number) => ({
    height: Math.max(1, Math.floor((height * side) / long)),
    width: Math.max(1, Math.floor((width * side) / long)),
  });
  let lo = 0;
  let hi = long;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const size = at(mid);
    if (fitsAt(spec, size.height, size.width)) lo = mid;
    else hi = mid - 1;
  }
  return { filters, image: lo > 0 ? at(lo) : null };
}

/** Bytes as people read them: "3.7 GB", "640 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}
