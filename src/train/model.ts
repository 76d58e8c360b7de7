/**
 * A trained classifier's JSON (docs/training.md, "The model file"): a network whose input is a gray
 * image in pixel values 0..255, plus a dense layer over its last fed result flattened NHWC, plus the
 * class names. `modelJson` writes it from training's variables (the first layer's weights divided by
 * 255, since training feeds pixels / 255: exact); `parseModel` reads it back, refusing what does not
 * fit a 28 x 28 image; `modelLogits` computes from the JSON alone with the core's `runNetwork`.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  compactNetwork,
  fedOutput,
  isRecord,
  networkGeometry,
  parseNetwork,
  rejectUnknownKeys,
  runNetwork,
  SpecError,
  fedShape,
  type NetworkLayer,
  type NetworkSpec,
} from '../core/index.ts';
import { CLASS_NAMES, IMAGE_PIXELS, IMAGE_SIZE } from './fashionMnist.ts';
import { CLASS_COUNT, type NetworkParams } from './params.ts';

export interface Classifier {
  /** D rows of 10: logits = x · weights + bias. */
  weights: number[][];
  bias: number[];
}

export interface TrainedModel {
  network: NetworkSpec;
  classifier: Classifier;
  classes: string[];
}

/** How many values the last layer's fed result flattens to on a 28 x 28 image: the dense layer's D. */
export function featureCount(net: NetworkSpec): number {
  const geometries = networkGeometry(net, IMAGE_SIZE, IMAGE_SIZE);
  const last = net.layers.length - 1;
  const { height, width, maps } = fedShape(net.layers[last] as NetworkLayer, geometries[last]!);
  return height * width * maps;
}

/** The network with the variables' values as its filters, the first layer's divided by 255. */
function networkWithWeights(net: NetworkSpec, params: NetworkParams): NetworkSpec {
  return {
    layers: net.layers.map((layer, i) => {
      const p = params.layers[i]!;
      const [kh, kw, depth, count] = p.kernel.shape;
      const values = p.kernel.dataSync();
      const bias = p.bias.dataSync();
      const scale = i === 0 ? 1 / 255 : 1;
      const at = (r: number, c: number, ch: number, f: number) =>
        values[((r * kw + c) * depth + ch) * count + f]! * scale;
      const filters = Array.from({ length: count }, (_, f) => ({
        weights: Array.from({ length: kh }, (_, r) =>
          Array.from({ length: kw }, (_, c) =>
            depth === 1 ? at(r, c, 0, f) : Array.from({ length: depth }, (_, ch) => at(r, c, ch, f)),
          ),
        ) as number[][] | number[][][],
        bias: bias[f]!,
      }));
      return { ...layer, filters };
    }),
  };
}

/** The model from training's variables (reads them back: call it at the end or between batches). */
export function modelFromParams(net: NetworkSpec, params: NetworkParams): TrainedModel {
  const weights = params.dense.weights.arraySync();
  return {
    network: networkWithWeights(net, params),
    classifier: { weights, bias: Array.from(params.dense.bias.dataSync()) },
    classes: [...CLASS_NAMES],
  };
}

/** The model as CONTRACT JSON: `{layers, classifier, classes}`, each layer written as a network writes it. */
export function modelJson(model: TrainedModel): {
  layers: unknown[];
  classifier: Classifier;
  classes: string[];
} {
  const compact = compactNetwork(model.network);
  const layers = 'layers' in compact ? compact.layers : [compact];
  return { layers, classifier: model.classifier, classes: model.classes };
}

const MODEL_FIELDS = ['layers', 'classifier', 'classes'] as const;

function numberRow(value: unknown, length: number, field: string): number[] {
  if (
    !Array.isArray(value) ||
    value.length !== length ||
    value.some((v) => typeof v !== 'number' || !Number.isFinite(v))
  ) {
    throw new SpecError(field, `must be an array of ${length} finite numbers`);
  }
  return value as number[];
}

/** Validates an untrusted value as a model: its network, a classifier that fits it, ten class names. */
export function parseModel(value: unknown): TrainedModel {
  if (!isRecord(value) || !('layers' in value)) {
    throw new SpecError('model', 'must be a JSON object with layers, classifier and classes');
  }
  rejectUnknownKeys(value, MODEL_FIELDS, '');
  const network = parseNetwork({ layers: value.layers });
  if (network.layers[0]?.channels !== 'gray') {
    throw new SpecError('layers[0].channels', 'must be "gray": a model reads a gray image');
  }
  const features = featureCount(network);
  const classifier = value.classifier;
  if (!isRecord(classifier)) throw new SpecError('classifier', 'must be an object with weights and bias');
  rejectUnknownKeys(classifier, ['weights', 'bias'], 'classifier');
  const rows = classifier.weights;
  if (!Array.isArray(rows) || rows.length !== features) {
    throw new SpecError(
      'classifier.weights',
      `must have ${features} rows (the last layer's result flattened), got ${Array.isArray(rows) ? rows.length : 'no array'}`,
    );
  }
  const weights = rows.map((row, i) => numberRow(row, CLASS_COUNT, `classifier.weights[${i}]`));
  const bias = numberRow(classifier.bias, CLASS_COUNT, 'classifier.bias');
  const classes = value.classes;
  if (
    !Array.isArray(classes) ||
    classes.length !== CLASS_COUNT ||
    classes.some((c) => typeof c !== 'string')
  ) {
    throw new SpecError('classes', `must be an array of ${CLASS_COUNT} class names`);
  }
  return { network, classifier: { weights, bias }, classes: classes as string[] };
}

/**
 * The logits of images `start`..`start + count - 1` of `pixels` (28 x 28 each, 0..255) computed from the
 * model alone, one image at a time through the core's `runNetwork`, as the page computes a network:
 * an independent check of what training reports. Returns count x 10 values.
 */
export function modelLogits(
  model: TrainedModel,
  pixels: Uint8Array,
  start: number,
  count: number,
): Float32Array {
  const { network } = model;
  const geometries = networkGeometry(network, IMAGE_SIZE, IMAGE_SIZE);
  const last = network.layers.length - 1;
  const out = new Float32Array(count * CLASS_COUNT);
  const weights = tf.tensor2d(model.classifier.weights);
  const bias = tf.tensor1d(model.classifier.bias);
  try {
    for (let n = 0; n < count; n++) {
      const offset = (start + n) * IMAGE_PIXELS;
      const row = tf.tidy(() => {
        const gray = tf.tensor3d(
          pixels.subarray(offset, offset + IMAGE_PIXELS),
          [IMAGE_SIZE, IMAGE_SIZE, 1],
          'float32',
        );
        const outputs = runNetwork(tf.tile(gray, [1, 1, 3]), network, geometries);
        const fed = fedOutput(outputs[last]!, network.layers[last]!);
        return tf.add(tf.matMul(tf.reshape(fed, [1, -1]), weights), bias);
      });
      out.set(row.dataSync(), n * CLASS_COUNT);
      row.dispose();
    }
  } finally {
    tf.dispose([weights, bias]);
  }
  return out;
}

/** The class of each row of logits: the largest (the first of equals). */
export function predictions(logits: Float32Array): Uint8Array {
  const count = logits.length / CLASS_COUNT;
  const out = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    let best = 0;
    for (let k = 1; k < CLASS_COUNT; k++) {
      if (logits[n * CLASS_COUNT + k]! > logits[n * CLASS_COUNT + best]!) best = k;
    }
    out[n] = best;
  }
  return out;
}
