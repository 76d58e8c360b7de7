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
 * - `padded-${mode}`: the layer input padded by the current pads in mode zeros | reflect | replicate.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MapDisplay } from '../render/index.ts';
import {
  mapsPerFilter,
  PAD_MODES,
  padImage,
  reflectFits,
  STAGES,
  type LayerGeometry,
  type LayerOutputs,
  type LayerSpec,
  type PadMode,
  type Stage,
} from '../core/index.ts';

/**
 * The key of map `map` (0-based) of `stage` in layer `layer` (0-based): `${stage}-${map}` in the first
 * layer (as always), `layer${layer}:${stage}-${map}` deeper.
 */
export function canvasKey(stage: Stage, map: number, layer = 0): string {
  return layer === 0 ? `${stage}-${map}` : `layer${layer}:${stage}-${map}`;
}

export type View =
  | { kind: 'input' }
  | { kind: 'map'; stage: Stage; map: number; layer: number }
  | { kind: 'magnitude' }
  | { kind: 'rgb'; filter: number }
  | { kind: 'padded'; mode: PadMode };

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
    default:
      return [];
  }
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
  }
}
