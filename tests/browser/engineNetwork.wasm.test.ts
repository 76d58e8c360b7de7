/** The engine on a 3-layer network on wasm, started as the page starts it: see engineNetworkSuite.ts. */
import { expect } from 'vitest';
import { startBackend } from '../../src/engine/backend.ts';
import { engineNetworkSuite } from './engineNetworkSuite.ts';

engineNetworkSuite('wasm', async () => {
  expect(await startBackend('wasm')).toMatchObject({ name: 'wasm' });
});
