/**
 * What each canvas key shows. Components attach canvases by key; the engine resolves each key to a tensor
 * of the current frame (`viewTensor`) and draws it as a map (colour-mapped) or as an image (0..255).
 *
 * Keys:
 * - 'input': the layer input (luma for gray, RGB otherwise);
 * - `${stage}-${m}` for stage preActivation | features | maxPool | avgPool and output map m (0-based);
 * - `layer${k}:${stage}-${m}`: the same map of layer k (0-based, k ≥ 1) of the network; deeper layers
 *   have map views only (their input is maps, not an image: the inspector reads it, `readInput`);
 * - 'magnitude': √(h² + v²) of the first two maps before the activation (Sobel x and y → edge strength);
 * - `rgb-${f}`: for rgb-per-channel, filter f's three maps (R, G, B) as one colour image, clipped to 0..255;
 * - `padded-${mode}`: the layer input padded by the current pads in mode zeros | reflect | replicate;
 * - `shrunk:${way}-${m}`: layer 0's map m shrunk one of the three ways (core/downsample.ts);
 * - `moved:${dy},${dx},${edge}:input`: layer 0's input moved by dy rows and dx columns (core/shift.ts);
 * - `moved:${dy},${dx},${edge}:${way}-${m}`: |Δ|, where map m shrunk that way changes when the input moves.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MapDisplay } from '../render/index.ts';
import {
  downsample,
  downsampleGeometry,
  DOWNSAMPLINGS,
  mapsPerFilter,
  PAD_MODES,
  padImage,
  reflectFits,
  shiftImage,
  SHIFT_EDGES,
  SpecError,
  STAGES,
  type Downsampling,
  type LayerGeometry,
  type LayerOutputs,
  type LayerSpec,
  type PadMode,
  type ShiftEdge,
  type Stage,
} from '../core/index.ts';

/**
 * The key of map `map` (0-based) of `stage` in layer `layer` (0-based): `${stage}-${map}` in the first
 * layer (as always), `layer${layer}:${stage}-${map}` deeper.
 */
export function canvasKey(stage: Stage, map: number, layer = 0): string {
  return layer === 0 ? `${stage}-${map}` : `layer${layer}:${stage}-${map}`;
}

/** How the shrink demo moves the input: rows down, columns right, and what enters at the edge. */
export interface Shift {
  dy: number;
  dx: number;
  edge: ShiftEdge;
}

export type View =
  | { kind: 'input' }
  | { kind: 'map'; stage: Stage; map: number; layer: number }
  | { kind: 'magnitude' }
  | { kind: 'rgb'; filter: number }
  | { kind: 'padded'; mode: PadMode }
  | { kind: 'shrunk'; way: Downsampling; map: number }
  | { kind: 'moved'; shift: Shift; way: Downsampling | null; map: number };

/** The key of layer 0's map `map` shrunk `way` (or, with `shift`, of where it changes as the input moves). */
export function shrunkKey(way: Downsampling, map: number, shift?: Shift): string {
  return shift ? `${movedPrefix(shift)}${way}-${map}` : `shrunk:${way}-${map}`;
}

/** The key of layer 0's input moved by `shift`. */
export function movedInputKey(shift: Shift): string {
  return `${movedPrefix(shift)}input`;
}

function movedPrefix({ dy, dx, edge }: Shift): string {
  return `moved:${dy},${dx},${edge}:`;
}

/** `${way}-${m}` of a shrunk or moved key, or null. */
function parseShrunk(text: string): { way: Downsampling; map: number } | null {
  const match = /^([a-zA-Z]+)-(0|[1-9]\d{0,3})$/.exec(text);
  const way = match?.[1] as Downsampling | undefined;
  if (!match || !way || !DOWNSAMPLINGS.includes(way)) return null;
  return { way, map: Number(match[2]) };
}

function parseMoved(key: string): View | null {
  // Only the spelling movedPrefix writes: no leading zeros, no -0.
  const match = /^moved:(0|-?[1-9]\d?),(0|-?[1-9]\d?),([a-z]+):(.*)$/.exec(key);
  if (!match) return null;
  const [, dy = '', dx = '', edge = '', rest = ''] = match;
  if (!(SHIFT_EDGES as readonly string[]).includes(edge)) return null;
  const shift: Shift = { dy: Number(dy), dx: Number(dx), edge: edge as ShiftEdge };
  if (rest === 'input') return { kind: 'moved', shift, way: null, map: 0 };
  const shrunk = parseShrunk(rest);
  return shrunk && { kind: 'moved', shift, ...shrunk };
}

/**
 * The view a canvas key names, or null for an unknown key. `${key}@${where}` names a second canvas of the
 * same view (the focus view's `features-0@focus`), drawn like the first.
 */
export function parseKey(key: string): View | null {
  const at = key.indexOf('@');
  if (at >= 0) return parseKey(key.slice(0, at));
  const deep = /^layer(\d+):(.*)$/.exec(key);
  if (deep) {
    const [, digits = '', rest = ''] = deep;
    const layer = Number(digits);
    // Only the spelling canvasKey writes: layer 0 has no prefix, and no leading zeros.
    if (layer < 1 || String(layer) !== digits) return null;
    const view = parseKey(rest);
    return view?.kind === 'map' && view.layer === 0 ? { ...view, layer } : null;
  }
  if (key === 'input') return { kind: 'input' };
  if (key === 'magnitude') return { kind: 'magnitude' };
  if (key.startsWith('shrunk:')) {
    const shrunk = parseShrunk(key.slice('shrunk:'.length));
    return shrunk && { kind: 'shrunk', ...shrunk };
  }
  if (key.startsWith('moved:')) return parseMoved(key);
  const dash = key.lastIndexOf('-');
  if (dash < 0) return null;
  const head = key.slice(0, dash);
  const tail = key.slice(dash + 1);
  if (head === 'padded') {
    return (PAD_MODES as readonly string[]).includes(tail) ? { kind: 'padded', mode: tail as PadMode } : null;
  }
  const n = Number(tail);
  if (!/^\d+$/.test(tail) || !Number.isSafeInteger(n)) return null;
  if (head === 'rgb') return { kind: 'rgb', filter: n };
  if ((STAGES as readonly string[]).includes(head))
    return { kind: 'map', stage: head as Stage, map: n, layer: 0 };
  return null;
}

/**
 * The colour scale a view is drawn with: the person's choice, except that a magnitude (never negative)
 * shown "signed" would use half the diverging scale, so it is shown as |x| instead.
 */
export function displayFor(view: View, display: MapDisplay): MapDisplay {
  return view.kind === 'magnitude' && (display === 'symmetric' || display === 'robust') ? 'abs' : display;
}

/** The layer a view shows: a map's own, layer 0 for the others (image, padded, magnitude, RGB). */
export function viewLayer(view: View): number {
  return view.kind === 'map' ? view.layer : 0;
}

/** One layer of a frame: its input [H, W, C], spec, geometry, outputs and patches. */
export interface LayerFrame {
  /** The layer's input, unpadded: the image's gray or RGB for layer 0, the maps fed in deeper. */
  input: tf.Tensor3D;
  spec: LayerSpec;
  geometry: LayerGeometry;
  outputs: LayerOutputs;
  /**
   * Filters computed again alone since `outputs` (an edit to one filter): filter f's maps are read from
   * `patches.get(f)` (its maps 0.. of that filter alone) instead of `outputs`.
   */
  patches?: ReadonlyMap<number, LayerOutputs>;
}

/**
 * Everything of one frame that views are cut from: layer 0's fields, and the network's deeper layers
 * (`deeper[k - 1]` is layer k; none for a one-layer network or a preview). `padded`, when given,
 * returns layer 0's input padded by its pads in a mode (a tensor the caller does not own; without it
 * the padded views are computed from `input`).
 */
export interface FrameTensors extends LayerFrame {
  padded?: (mode: PadMode) => tf.Tensor3D;
  deeper?: readonly LayerFrame[];
}

/** Layer `layer` (0-based) of `frame`, or null when the frame has no such layer. */
export function layerFrame(frame: FrameTensors, layer: number): LayerFrame | null {
  return layer === 0 ? frame : (frame.deeper?.[layer - 1] ?? null);
}

export interface ViewTensor {
  tensor: tf.Tensor;
  /** 'map': a 2-D map to colour-map; 'image': [H, W, C] values 0..255 drawn as they are. */
  as: 'map' | 'image';
}

function stageOf(outputs: LayerOutputs, stage: Stage): tf.Tensor3D {
  return stage === 'features' ? outputs.featureMaps : outputs[stage];
}

/**
 * The stage tensor [H, W, M] a map view is cut from, and which of its M maps (its layer's outputs, or
 * the patch of the map's filter); null beyond the count or the frame's layers.
 */
export function mapSource(
  view: Extract<View, { kind: 'map' }>,
  frame: FrameTensors,
): { tensor: tf.Tensor3D; map: number } | null {
  const layer = layerFrame(frame, view.layer);
  if (!layer || view.map >= layer.geometry.conv.maps) return null;
  const per = mapsPerFilter(layer.spec);
  const filter = Math.floor(view.map / per);
  const patch = layer.patches?.get(filter);
  if (patch) return { tensor: stageOf(patch, view.stage), map: view.map - filter * per };
  return { tensor: stageOf(layer.outputs, view.stage), map: view.map };
}

/**
 * The filters of its layer (`viewLayer`) whose maps a view shows: a map's filter, the rgb image's
 * filter, the magnitude's (of maps 0 and 1); none for the others or a layer the frame does not have.
 */
export function filtersOfView(view: View, frame: FrameTensors): number[] {
  const layer = layerFrame(frame, viewLayer(view));
  if (!layer) return [];
  const per = mapsPerFilter(layer.spec);
  switch (view.kind) {
    case 'map':
      return [Math.floor(view.map / per)];
    case 'magnitude':
      return [0, Math.floor(1 / per)];
    case 'rgb':
      return [view.filter];
    case 'shrunk':
    case 'moved':
      return view.way ? [Math.floor(view.map / per)] : [];
    default:
      return [];
  }
}

/**
 * Layer 0's map `map` shrunk `way`, from `input` (the layer's input, perhaps moved): only that map's
 * filter is computed. Null beyond the maps, or when that way leaves no output on this input (the demo
 * says why from `downsampleCost`).
 */
function shrunkMap(input: tf.Tensor3D, spec: LayerSpec, way: Downsampling, map: number): tf.Tensor2D | null {
  const per = mapsPerFilter(spec);
  const filter = spec.filters[Math.floor(map / per)];
  if (!filter) return null;
  const one = { ...spec, filters: [filter] };
  try {
    const [height, width] = input.shape;
    const { pool } = downsampleGeometry(one, height, width, way);
    if (way !== 'stride' && pool.empty) return null;
  } catch (error) {
    if (error instanceof SpecError) return null;
    throw error;
  }
  return tf.tidy(() => mapOf(downsample(input, one, way), map % per));
}

function mapOf(maps: tf.Tensor3D, m: number): tf.Tensor2D {
  return tf.squeeze(tf.slice(maps, [0, 0, m], [-1, -1, 1]), [2]) as tf.Tensor2D;
}

/**
 * The tensor to draw for a view in this frame (a new tensor the caller disposes), or null when the view
 * has nothing to show (a map beyond the count, magnitude with one map, reflect too wide…).
 */
export function viewTensor(view: View, frame: FrameTensors): ViewTensor | null {
  const { geometry, spec } = frame;
  const maps = geometry.conv.maps;
  switch (view.kind) {
    case 'input':
      return { tensor: tf.clone(frame.input), as: 'image' };
    case 'map': {
      const source = mapSource(view, frame);
      return source && { tensor: tf.tidy(() => mapOf(source.tensor, source.map)), as: 'map' };
    }
    case 'magnitude': {
      if (maps < 2) return null;
      const [h, v] = [0, 1].map((map) =>
        mapSource({ kind: 'map', stage: 'preActivation', map, layer: 0 }, frame),
      );
      if (!h || !v) return null;
      return {
        tensor: tf.tidy(() =>
          tf.sqrt(tf.add(tf.square(mapOf(h.tensor, h.map)), tf.square(mapOf(v.tensor, v.map)))),
        ),
        as: 'map',
      };
    }
    case 'rgb': {
      if (spec.channels !== 'rgb-per-channel' || view.filter * 3 + 3 > maps) return null;
      const source = mapSource({ kind: 'map', stage: 'features', map: view.filter * 3, layer: 0 }, frame);
      if (!source) return null;
      return {
        tensor: tf.tidy(() =>
          tf.clipByValue(tf.slice(source.tensor, [0, 0, source.map], [-1, -1, 3]), 0, 255),
        ),
        as: 'image',
      };
    }
    case 'padded': {
      if (view.mode === 'reflect' && !reflectFits(geometry)) return null;
      const tensor = frame.padded
        ? tf.clone(frame.padded(view.mode))
        : padImage(frame.input, geometry.pads, view.mode);
      return { tensor, as: 'image' };
    }
    case 'shrunk': {
      const tensor = shrunkMap(frame.input, spec, view.way, view.map);
      return tensor && { tensor, as: 'map' };
    }
    case 'moved': {
      const { dy, dx, edge } = view.shift;
      const way = view.way;
      if (!way) return { tensor: shiftImage(frame.input, dy, dx, edge), as: 'image' };
      if (view.map >= maps) return null;
      const before = shrunkMap(frame.input, spec, way, view.map);
      if (!before) return null;
      const tensor = tf.tidy(() => {
        const after = shrunkMap(shiftImage(frame.input, dy, dx, edge), spec, way, view.map) as tf.Tensor2D;
        return tf.abs(tf.sub(after, before));
      });
      before.dispose();
      return { tensor, as: 'map' };
    }
  }
}
