/**
 * The model file (CONTRACT section 6, docs/training.md "The model file"): `modelJson` writes what the
 * contract fixes (layers, a D x 10 classifier over the last result flattened NHWC, ten class names, the
 * first layer in pixel units), `parseModel` reads it back unchanged and refuses a file that does not fit,
 * naming the field.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../src/core/index.ts';
import { defaultTrainNetwork } from '../../src/train/defaults.ts';
import { CLASS_NAMES } from '../../src/train/fashionMnist.ts';
import { featureCount, modelFromParams, modelJson, parseModel } from '../../src/train/model.ts';
import { disposeParams, initialParams, type NetworkParams } from '../../src/train/params.ts';

let params: NetworkParams;
let json: ReturnType<typeof modelJson>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const net = defaultTrainNetwork();
  params = initialParams(net, featureCount(net), 5);
  json = modelJson(modelFromParams(net, params));
});
afterAll(() => disposeParams(params));

/** A deep copy of the model JSON, as a file would give it. */
const copy = () => JSON.parse(JSON.stringify(json)) as Record<string, unknown> & typeof json;

/** The SpecError `parseModel` throws on `value`. */
function refusal(value: unknown): SpecError {
  try {
    parseModel(value);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('parseModel accepted it');
}

describe('the model JSON', () => {
  it('holds the default network, a 784 x 10 classifier and the ten class names', () => {
    // 28 -> pool 14 -> pool 7: 7 x 7 x 16 = 784 values flattened.
    expect(Object.keys(json)).toEqual(['layers', 'classifier', 'classes']);
    expect(json.layers).toHaveLength(2);
    expect(json.classifier.weights).toHaveLength(784);
    expect(json.classifier.weights.every((row) => row.length === 10)).toBe(true);
    expect(json.classifier.bias).toHaveLength(10);
    expect(json.classes).toEqual([...CLASS_NAMES]);
  });

  it("writes the first layer's weights divided by 255 (pixel units) and the others as trained", () => {
    const model = parseModel(copy());
    const trained = params.layers.map((l) => l.kernel.dataSync());
    // Filter 0's top-left tap: kernel index [0, 0, 0, 0].
    const first = model.network.layers[0]!.filters[0]!.weights as number[][];
    expect(first[0]![0]).toBeCloseTo(trained[0]![0]! / 255, 9);
    // Layer 2 reads 8 maps: its filter 0's [0][0] is 8 values, kernel [0, 0, c, 0] = c * 16.
    const second = model.network.layers[1]!.filters[0]!.weights as number[][][];
    expect(second[0]![0]).toHaveLength(8);
    second[0]![0]!.forEach((w, c) => expect(w).toBeCloseTo(trained[1]![c * 16]!, 6));
  });

  it('reads back what it wrote', () => {
    const model = parseModel(copy());
    expect(modelJson(model)).toEqual(json);
  });
});

describe('parseModel refuses, naming the field', () => {
  it('a classifier with the wrong number of rows', () => {
    const bad = copy();
    bad.classifier.weights.pop();
    const error = refusal(bad);
    expect(error.field).toBe('classifier.weights');
    expect(error.message).toMatch(/784 rows.*got 783/);
  });

  it('a row that is not ten numbers', () => {
    const bad = copy();
    bad.classifier.weights[3] = bad.classifier.weights[3]!.slice(0, 9);
    expect(refusal(bad).field).toBe('classifier.weights[3]');
  });

  it('a first layer that is not gray', () => {
    const bad = copy();
    (bad.layers[0] as Record<string, unknown>).channels = 'rgb-luma';
    const error = refusal(bad);
    expect(error.field).toBe('layers[0].channels');
    expect(error.message).toMatch(/gray/);
  });

  it('missing or wrong classes', () => {
    const missing = copy();
    delete (missing as Record<string, unknown>).classes;
    expect(refusal(missing).field).toBe('classes');
    const nine = copy();
    nine.classes = nine.classes.slice(1);
    expect(refusal(nine).field).toBe('classes');
  });

  it('a missing bias, an unknown key, and what is not a model', () => {
    const noBias = copy();
    delete (noBias.classifier as Partial<typeof noBias.classifier>).bias;
    expect(refusal(noBias).field).toBe('classifier.bias');
    const extra = { ...copy(), optimizer: 'adam' };
    expect(refusal(extra).message).toMatch(/optimizer/);
    expect(refusal([1, 2]).field).toBe('model');
  });
});
