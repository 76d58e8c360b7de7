/** The shrink demo's views on webgl (SwiftShader here), against the plain-loop reference: see demoViewsSuite.ts. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { expect } from 'vitest';
import { demoViewsSuite } from './demoViewsSuite.ts';

demoViewsSuite('webgl', async () => {
  expect(await tf.setBackend('webgl')).toBe(true);
});
