/** The page's one engine, bound to the store. */
import { raise, store } from '../store/index.ts';
import { Engine } from './engine.ts';

export { canvasKey, displayFor, parseKey, reflectFits, STAGES, type StageKey } from './views.ts';
export type { MapStats } from './stats.ts';
export { HISTOGRAM_BINS } from './stats.ts';
export { BACKENDS, requestedBackend, startBackend, switchBackend } from './backend.ts';

export const engine = new Engine(store, (detail) =>
  raise({ key: 'error.backend', params: { backend: store.getState().backend.name ?? '?', detail } }),
);
export { watchContextLoss } from './contextLoss.ts';
