/**
 * Actions of the layer controls: channels, stride, dilation, padding, activation, pooling. Each goes through
 * `updateSpec`, which validates the result against the current image and refuses (with an alert, keeping the
 * last good spec) what would not run. The conversions they need are pure functions, exported for tests.
 */
import {
  type Activation,
  type Channels,
  type Filter,
  type Padding,
  type PadMode,
  type Pads,
  type PoolPadding,
  type Weights,
} from '../core/index.ts';
import { editedSpec, geometriesOf, store, updateSpec } from './store.ts';

// ---------------------------------------------------------------------------------------------------------
// Pure conversions

/** Which axis a per-axis setting changes: rows (0), columns (1), or both (linked axes). */
export type Axis = 0 | 1 | 'both';

/** `pair` with `axis` set to `n` (both entries for 'both'). */
export function withAxis(pair: readonly [number, number], axis: Axis, n: number): [number, number] {
  if (axis === 'both') return [n, n];
  return axis === 0 ? [n, pair[1]] : [pair[0], n];
}

/** A 2-D filter for a 3-D one: the shared slice if all channel slices are equal, else the first (lossy). */
export function collapseWeights(weights: Weights): { weights: number[][]; lossy: boolean } {
  let lossy = false;
  const flat = weights.map((row) =>
    (row as (number | number[])[]).map((cell) => {
      if (!Array.isArray(cell)) return cell;
      const first = cell[0] ?? 0;
      if (cell.some((w) => w !== first)) lossy = true;
      return first;
    }),
  );
  return { weights: flat, lossy };
}

/**
 * The filters to keep when the channel mode becomes `channels`. A 2-D filter fits every mode (it is applied
 * to each input channel). 3-D (kh × kw × 3) filters are an RGB layer's: leaving 'rgb' collapses them to 2-D,
 * and `lossy` lists the (0-based) filters whose R, G and B slices differed, of which the R slice was kept.
 */
export function filtersForChannels(
  filters: readonly Filter[],
  channels: Channels,
): { filters: Filter[]; lossy: number[] } {
  if (channels === 'rgb') return { filters: structuredClone(filters as Filter[]), lossy: [] };
  const lossy: number[] = [];
  const out = filters.map((filter, i) => {
    const { weights, lossy: lost } = collapseWeights(filter.weights);
    if (lost) lossy.push(i);
    return { weights, bias: filter.bias };
  });
  return { filters: out, lossy };
}

/** The three ways the page offers to pad: none, TensorFlow's SAME, or sides chosen one by one. */
export type PaddingKind = 'valid' | 'same' | 'explicit';

/** Top, bottom, left, right: the order of the spec's 4-element padding. */
export type Sides = [top: number, bottom: number, left: number, right: number];

export const SIDE_NAMES = ['top', 'bottom', 'left', 'right'] as const;
export type SideName = (typeof SIDE_NAMES)[number];

export function paddingKind(padding: Padding): PaddingKind {
  return padding === 'valid' || padding === 'same' ? padding : 'explicit';
}

/** The sides of an explicit padding (an integer is the same on every side); null for valid and same. */
export function explicitSides(padding: Padding): Sides | null {
  if (padding === 'valid' || padding === 'same') return null;
  if (typeof padding === 'number') return [padding, padding, padding, padding];
  return [...padding];
}

/** The spec's form of explicit sides: the integer p when all four are equal, else [top, bottom, left, right]. */
export function sidesToPadding(sides: Sides): Padding {
  const [top, bottom, left, right] = sides;
  return top === bottom && top === left && top === right ? top : [top, bottom, left, right];
}

/**
 * Where "Explicit" starts from: the pads in use now (so the maps do not jump when SAME becomes explicit),
 * or 1 on every side when there are none (valid), so that choosing it shows some padding.
 */
export function explicitStart(current: Sides | null): Sides {
  if (!current || current.every((p) => p === 0)) return [1, 1, 1, 1];
  return [...current];
}

/**
 * Why reflect padding cannot pad `pads` around an image of `height` x `width` (it mirrors at most size − 1
 * pixels per side), or null if it can.
 */
export function reflectProblem(
  pads: Pads,
  size: { height: number; width: number },
): { pad: number; size: number; max: number; axis: 'tall' | 'wide' } | null {
  const vertical = Math.max(pads.top, pads.bottom);
  const horizontal = Math.max(pads.left, pads.right);
  if (vertical > size.height - 1) {
    return { pad: vertical, size: size.height, max: size.height - 1, axis: 'tall' };
  }
  if (horizontal > size.width - 1) {
    return { pad: horizontal, size: size.width, max: size.width - 1, axis: 'wide' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Actions (each returns whether the spec changed; a refusal raises the alert)

export interface ChannelsResult {
  applied: boolean;
  /** Filters (0-based) whose differing R, G, B slices were collapsed to the R slice. */
  lossy: number[];
}

export function setChannels(channels: Channels): ChannelsResult {
  let lossy: number[] = [];
  const applied = updateSpec((draft) => {
    const converted = filtersForChannels(draft.filters, channels);
    lossy = converted.lossy;
    draft.channels = channels;
    draft.filters = converted.filters;
  });
  return { applied, lossy: applied ? lossy : [] };
}

export function setActivation(activation: Activation): boolean {
  return updateSpec((draft) => void (draft.activation = activation));
}

export function setStride(axis: Axis, n: number): boolean {
  return updateSpec((draft) => void (draft.stride = withAxis(draft.stride, axis, n)));
}

export function setDilation(axis: Axis, n: number): boolean {
  return updateSpec((draft) => void (draft.dilation = withAxis(draft.dilation, axis, n)));
}

/** The pads the current spec uses on the current image (null without an image or with a refused spec). */
function currentPads(): Sides | null {
  const state = store.getState();
  const explicit = explicitSides(editedSpec(state).padding);
  if (explicit) return explicit;
  const geometry = geometriesOf(state)?.[state.editing];
  if (!geometry) return null;
  const { top, bottom, left, right } = geometry.pads;
  return [top, bottom, left, right];
}

export function setPaddingKind(kind: PaddingKind): boolean {
  const padding = editedSpec(store.getState()).padding;
  if (paddingKind(padding) === kind) return true;
  const next: Padding = kind === 'explicit' ? sidesToPadding(explicitStart(currentPads())) : kind;
  return updateSpec((draft) => void (draft.padding = next));
}

/** Sets one side of an explicit padding (making the padding explicit if it was not). */
export function setPaddingSide(side: SideName, n: number): boolean {
  const next: Sides = explicitSides(editedSpec(store.getState()).padding) ?? explicitStart(currentPads());
  next[SIDE_NAMES.indexOf(side)] = n;
  return updateSpec((draft) => void (draft.padding = sidesToPadding(next)));
}

export function setPadMode(padMode: PadMode): boolean {
  return updateSpec((draft) => void (draft.padMode = padMode));
}

/** Sets the n × n pooling window, and the pooling stride to n as well when `strideFollows`. */
export function setPoolSize(n: number, strideFollows: boolean): boolean {
  return updateSpec((draft) => {
    draft.pool.size = [n, n];
    if (strideFollows) draft.pool.stride = [n, n];
  });
}

export function setPoolStride(n: number): boolean {
  return updateSpec((draft) => void (draft.pool.stride = [n, n]));
}

export function setPoolPadding(padding: PoolPadding): boolean {
  return updateSpec((draft) => void (draft.pool.padding = padding));
}
