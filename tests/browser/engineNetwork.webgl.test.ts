/** The engine on a 3-layer network on webgl (SwiftShader here): see engineNetworkSuite.ts. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { expect } from 'vitest';
import { engineNetworkSuite } from './engineNetworkSuite.ts';

engineNetworkSuite('webgl', async () => {
  expect(await tf.setBackend('webgl')).toBe(true);
});
