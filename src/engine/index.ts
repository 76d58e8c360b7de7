/** The page's one engine, bound to the store. */
import { raise, store } from '../store/index.ts';
import { Engine } from './engine.ts';

export { canvasKey, STAGES, type StageKey } from './engine.ts';
export { requestedBackend, startBackend } from './backend.ts';

export const engine = new Engine(store, (detail) =>
  raise({ key: 'error.backend', params: { backend: store.getState().backend.name ?? '?', detail } }),
);
