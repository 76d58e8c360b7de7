/**
 * Which part of a padded input the padding view shows. A padding of a pixel or two around a large photo is
 * invisible when the whole image fits in a few hundred CSS pixels, so large inputs are shown zoomed on a
 * corner, where the padded cells are large enough to see. Pure arithmetic in padded cells.
 */
import type { Pads } from '../../core/index.ts';

export type Zoom = 'whole' | 'top-left' | 'bottom-right';
export const ZOOMS: readonly Zoom[] = ['whole', 'top-left', 'bottom-right'];

/** The shown window, in cells of the padded input: first row and column, and how many of each. */
export interface Crop {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Image cells a corner view shows beyond the padding (at least). */
export const CORNER_CELLS = 12;
/** A corner view enlarges at most this much relative to the whole view (keeps the canvas a sane size). */
export const MAX_MAGNIFY = 40;
/** Padded inputs up to this many cells a side are shown whole by default. */
export const WHOLE_UP_TO = 64;

export function paddedSize(pads: Pads, size: { height: number; width: number }) {
  return { height: size.height + pads.top + pads.bottom, width: size.width + pads.left + pads.right };
}

export function zoomCrop(zoom: Zoom, pads: Pads, size: { height: number; width: number }): Crop {
  const { height, width } = paddedSize(pads, size);
  if (zoom === 'whole') return { top: 0, left: 0, rows: height, cols: width };
  const reach = Math.max(CORNER_CELLS, Math.ceil(Math.max(height, width) / MAX_MAGNIFY));
  if (zoom === 'top-left') {
    return {
      top: 0,
      left: 0,
      rows: Math.min(height, pads.top + reach),
      cols: Math.min(width, pads.left + reach),
    };
  }
  const rows = Math.min(height, pads.bottom + reach);
  const cols = Math.min(width, pads.right + reach);
  return { top: height - rows, left: width - cols, rows, cols };
}

/** Whole for small inputs; otherwise the corner that has padding (top-left unless it has none). */
export function defaultZoom(pads: Pads, size: { height: number; width: number }): Zoom {
  const { height, width } = paddedSize(pads, size);
  if (Math.max(height, width) <= WHOLE_UP_TO) return 'whole';
  return pads.top + pads.left > 0 ? 'top-left' : 'bottom-right';
}
