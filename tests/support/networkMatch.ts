/**
 * A network's outputs from the core (`runNetwork`, any backend) held against the plain-loop reference
 * (`referenceNetwork`), layer by layer and stage by stage, with shapes and values.
 */
import { expect } from 'vitest';
import type { LayerOutputs } from '../../src/core/index.ts';
import type { HwcArray, ReferenceOutputs } from '../reference/convLoop.ts';
import { expectClose, FIXTURE_TOLERANCE, type Tolerance } from './fixtures.ts';

/**
 * Float32 sums over a deep stack lose more than one layer's: the allowed error grows with the largest
 * value of the stage (cancellation leaves small results of large terms).
 */
function tolerance(want: HwcArray): Tolerance {
  let scale = 0;
  for (const v of want.data) scale = Math.max(scale, Math.abs(v));
  return { ...FIXTURE_TOLERANCE, abs: FIXTURE_TOLERANCE.abs + 4e-6 * scale };
}

export async function expectNetworkMatch(
  outputs: readonly LayerOutputs[],
  reference: readonly ReferenceOutputs[],
  label: string,
): Promise<void> {
  expect(outputs.length, `${label}: layers`).toBe(reference.length);
  for (const [i, out] of outputs.entries()) {
    const want = reference[i] as ReferenceOutputs;
    for (const [name, tensor, expected] of [
      ['preActivation', out.preActivation, want.preActivation],
      ['featureMaps', out.featureMaps, want.conv],
      ['maxPool', out.maxPool, want.maxpool],
      ['avgPool', out.avgPool, want.avgpool],
    ] as const) {
      const stage = `${label} layer ${i + 1} of ${outputs.length} ${name}`;
      expect(tensor.shape, `${stage} shape`).toEqual(expected.shape);
      expectClose(await tensor.data(), expected.data, tolerance(expected), {
        label: stage,
        shape: expected.shape,
      });
    }
  }
}
