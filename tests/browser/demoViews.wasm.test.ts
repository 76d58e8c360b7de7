/** The shrink demo's views on wasm, started as the page starts it, against the plain-loop reference: see demoViewsSuite.ts. */
import { expect } from 'vitest';
import { startBackend } from '../../src/engine/backend.ts';
import { demoViewsSuite } from './demoViewsSuite.ts';

demoViewsSuite('wasm', async () => {
  expect(await startBackend('wasm')).toMatchObject({ name: 'wasm' });
});
