/**
 * A network: 1 to 6 layers stacked (docs/spec.md, "Networks"). Its JSON is `{"layers": [L1, L2, …]}`,
 * and a plain layer spec (no `layers` key) is a network of one layer, so every old link and file reads
 * as before and `compactNetwork` writes a one-layer network back as that plain spec, byte for byte.
 *
 * The design, for the command line now and the page next:
 * - Each layer is a complete `LayerSpec` plus `output`, the result it feeds on (`maxpool`, `avgpool` or
 *   `conv`, the activated feature maps). So every layer-level function (layerGeometry, runLayerPadded,
 *   explain, strips, filterChanges) works on any layer of a network unchanged.
 * - A layer after the first has no `channels`: its `inputMaps` holds the number of maps fed in (the
 *   previous layer's filters × maps per filter), each filter summing over all of them (Keras `Conv2D`);
 *   `inputDepth` and `mapsPerFilter` (spec.ts) read it. Its `channels` keeps the default and is never
 *   read or written. `linkLayers` sets `inputMaps` from the layers before, after an edit that changes a
 *   layer's filter count.
 * - Sizes: networkGeometry.ts; running: runNetwork.ts; receptive fields and tracing: receptiveField.ts.
 */
import {
  compactSpec,
  defaultSpec,
  isRecord,
  kernelShape,
  mapsPerFilter,
  oneOf,
  parseSpec,
  rejectUnknownKeys,
  SpecError,
  type LayerSpec,
} from './spec.ts';

/** Which of a layer's results feeds the next layer. */
export type LayerOutput = 'maxpool' | 'avgpool' | 'conv';
export const LAYER_OUTPUTS: readonly LayerOutput[] = ['maxpool', 'avgpool', 'conv'];
export const DEFAULT_LAYER_OUTPUT: LayerOutput = 'maxpool';

/** The most layers a network may have: keeps a shared link from freezing a page. */
export const MAX_LAYERS = 6;

/** One layer of a network: a complete layer spec and the result it feeds on (ignored on the last). */
export interface NetworkLayer extends LayerSpec {
  output: LayerOutput;
}

/** A complete network: 1 to MAX_LAYERS layers, each complete, `inputMaps` set on every layer after the first. */
export interface NetworkSpec {
  layers: NetworkLayer[];
}

/** A network's JSON as `compactNetwork` writes it: a plain layer spec for one layer, else `{layers}`. */
export type CompactNetwork =
  Partial<LayerSpec> | { layers: Array<Partial<LayerSpec> & { output?: LayerOutput }> };

/** The maps a layer makes (its feature maps and poolings alike): filters × maps per filter. */
export function layerMaps(spec: LayerSpec): number {
  return spec.filters.length * mapsPerFilter(spec);
}

/** A plain layer spec as a network of one layer. */
export function networkOf(spec: LayerSpec): NetworkSpec {
  return { layers: [{ ...spec, output: DEFAULT_LAYER_OUTPUT }] };
}

/**
 * The layers with each one's `inputMaps` set from the layer before (none on the first), as after an
 * edit of a layer's filters. The weights' depth is not checked here: `networkGeometry` refuses a
 * kh x kw x C filter whose C no longer matches.
 */
export function linkLayers(layers: readonly NetworkLayer[]): NetworkLayer[] {
  return layers.map((layer, i) => {
    const before = layers[i - 1];
    const { inputMaps: _old, ...rest } = layer;
    return before ? { ...rest, inputMaps: layerMaps(before) } : rest;
  });
}

/**
 * The layers after an edit that may change a layer's map count (its filters, its channel mode): linked
 * as `linkLayers` does, and every kh x kw x C filter of a deeper layer given the new depth, slices cut
 * from the end or zero slices added, so the network still runs (a 2-D filter needs nothing).
 */
export function restack(layers: readonly NetworkLayer[]): NetworkLayer[] {
  return linkLayers(layers).map((layer) => {
    const depth = layer.inputMaps;
    if (depth === undefined) return layer;
    const filters = layer.filters.map((filter) => {
      const { depth: now } = kernelShape(filter.weights);
      if (now === 0 || now === depth) return filter;
      const weights = (filter.weights as number[][][]).map((row) =>
        row.map((cell) => Array.from({ length: depth }, (_, c) => cell[c] ?? 0)),
      );
      return { ...filter, weights };
    });
    return { ...layer, filters };
  });
}

/**
 * The layer "Add layer" puts after `before`: the default 3 x 3 kernel (2-D, so the same on every map
 * fed in) with ReLU, its input the maps `before` makes.
 */
export function newLayer(before: LayerSpec): NetworkLayer {
  return { ...defaultSpec(), activation: 'relu', inputMaps: layerMaps(before), output: DEFAULT_LAYER_OUTPUT };
}

const NETWORK_FIELDS = ['layers'] as const;

/**
 * Validates an untrusted value (parsed JSON) as a network: a plain layer spec (a network of one layer,
 * its errors naming fields as section 1 does) or `{"layers": [...]}` (errors name the layer, as in
 * `layers[1].filters[0].weights`). A layer after the first may not have `channels`, and its weights'
 * depth must match the maps of the layer before.
 */
export function parseNetwork(value: unknown): NetworkSpec {
  if (!isRecord(value) || !('layers' in value)) return networkOf(parseSpec(value));
  rejectUnknownKeys(value, NETWORK_FIELDS, '');
  const list = value.layers;
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_LAYERS) {
    throw new SpecError(
      'layers',
      `must be an array of 1 to ${MAX_LAYERS} layer specs, got ${
        Array.isArray(list) ? `${list.length} layers` : 'no array'
      }`,
    );
  }
  const layers: NetworkLayer[] = [];
  list.forEach((json: unknown, i) => {
    const where = `layers[${i}]`;
    const before = layers[i - 1];
    if (!isRecord(json)) throw new SpecError(where, 'must be a layer spec, a JSON object');
    const { output: outputJson, ...rest } = json;
    const output =
      outputJson === undefined ? DEFAULT_LAYER_OUTPUT : oneOf(outputJson, LAYER_OUTPUTS, `${where}.output`);
    try {
      layers.push({ ...parseSpec(rest, before && layerMaps(before)), output });
    } catch (error) {
      throw error instanceof SpecError ? error.within(where) : error;
    }
  });
  return { layers };
}

/**
 * The smallest JSON that `parseNetwork` turns back into `net`: one layer compacts to the plain layer
 * spec of `compactSpec` (so old links stay byte-identical); more to `{layers}`, each layer without its
 * defaults (a deeper layer's `channels` and `inputMaps` are never written).
 */
export function compactNetwork(net: NetworkSpec): CompactNetwork {
  const [only] = net.layers;
  if (net.layers.length === 1 && only) return compactSpec(only);
  return {
    layers: net.layers.map((layer, i) => {
      const compact: Partial<LayerSpec> & { output?: LayerOutput } = compactSpec(layer);
      if (i > 0) delete compact.channels;
      if (layer.output !== DEFAULT_LAYER_OUTPUT) compact.output = layer.output;
      return compact;
    }),
  };
}

/**
 * The network's JSON with every field written out (the "full" export): one layer as the plain layer
 * spec, more as `{layers}`, a deeper layer without `channels` or `inputMaps` (what `parseNetwork` reads).
 */
export function fullNetwork(
  net: NetworkSpec,
): LayerSpec | { layers: Array<LayerSpec | Omit<LayerSpec, 'channels'>> } {
  const [only] = net.layers;
  if (net.layers.length === 1 && only) {
    const { output: _output, inputMaps: _maps, ...spec } = only;
    return spec;
  }
  return {
    layers: net.layers.map(({ inputMaps: _maps, channels, ...rest }, i) =>
      i === 0 ? { channels, ...rest } : rest,
    ),
  };
}
