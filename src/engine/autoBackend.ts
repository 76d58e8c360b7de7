/**
 * Keeps the measured backend choice right for the image and network in use: when their work (multiply-
 * adds) changes by `REDECIDE_RATIO` or more since the last decision, the rule is applied again on the
 * start-up cost model (no new timing) and the page moves (backendLifecycle.ts) if it picks another backend. A backend
 * forced by the link or chosen by hand is never overridden: only a `measured` status is re-decided.
 */
import { networkCost } from '../core/index.ts';
import { geometriesOf, setBackendStatus, store, type BackendStatus } from '../store/index.ts';
import { decide, measuredModel, START_MACS } from './backend.ts';
import type { BackendLifecycle } from './backendLifecycle.ts';

const REDECIDE_RATIO = 2;

function workNow(): number | null {
  const state = store.getState();
  const geometries = geometriesOf(state);
  return geometries && networkCost(state.network, geometries).total.multiplyAdds;
}

/** Starts following the store; returns a function that stops. */
export function followWorkload(backends: BackendLifecycle): () => void {
  let decidedFor = START_MACS;
  let busy = false;
  const check = () => {
    const measured = measuredModel();
    const status: BackendStatus = store.getState().backend;
    const work = workNow();
    if (busy || !measured || status.reason !== 'measured' || work === null) return;
    const ratio = Math.max(work, decidedFor) / Math.max(1, Math.min(work, decidedFor));
    if (ratio < REDECIDE_RATIO) return;
    decidedFor = work;
    const next = decide(measured.model, measured.software, status.renderer ?? null, work);
    if (next.name === status.name) {
      setBackendStatus(next);
      return;
    }
    busy = true;
    void backends
      .follow(next)
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  };
  check();
  return store.subscribe((state, previous) => {
    if (state.image !== previous.image || state.network !== previous.network) check();
  });
}
