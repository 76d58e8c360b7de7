/**
 * One random layer case (arbitraries.ts `layerCase`) computed in strips of about `maxWork` multiply-adds
 * and in one piece on the backend in use, both read back stage by stage (conv, activation, both pools):
 * the browser tests compare them on webgl and on wasm. Null when the spec leaves no output for its image.
 * Asserts that nothing is left behind.
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import {
  disposeOutputs,
  joinStrips,
  runLayerPadded,
  runStrip,
  stripRows,
  type LayerOutputs,
} from '../../src/core/index.ts';
import { paddedLayer, type PaddedLayer } from './paddedLayer.ts';

const STAGES = ['preActivation', 'featureMaps', 'maxPool', 'avgPool'] as const;

export interface StageValues {
  stage: (typeof STAGES)[number];
  shape: number[];
  values: number[];
}

async function valuesOf(outputs: LayerOutputs): Promise<StageValues[]> {
  return Promise.all(
    STAGES.map(async (stage) => ({
      stage,
      shape: outputs[stage].shape,
      values: Array.from(await outputs[stage].data()),
    })),
  );
}

export async function stripsAgainstWhole(
  testCase: Parameters<typeof paddedLayer>[0],
  maxWork: number,
  inspect?: (layer: PaddedLayer) => Promise<void> | void,
): Promise<{ inStrips: StageValues[]; whole: StageValues[]; bands: number } | null> {
  const before = tf.memory().numTensors;
  const layer = paddedLayer(testCase);
  if (!layer) return null;
  const { spec, geometry, padded } = layer;
  try {
    await inspect?.(layer);
    const whole = runLayerPadded(padded, spec, geometry);
    const rows = stripRows(spec, geometry, maxWork);
    const inStrips = joinStrips(
      rows.map((band) => runStrip(padded, spec, geometry, band)),
      spec,
    );
    const result = { inStrips: await valuesOf(inStrips), whole: await valuesOf(whole), bands: rows.length };
    disposeOutputs(whole);
    disposeOutputs(inStrips);
    return result;
  } finally {
    padded.dispose();
    expect(tf.memory().numTensors, 'no tensor left behind').toBe(before);
  }
}
