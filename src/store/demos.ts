/** The demos' actions (their state: demoState.ts). */
import type { ShrinkDemo, WindowDemo } from './demoState.ts';
import { store } from './store.ts';

export * from './demoState.ts';

/** Changes the sliding window's state (`stop` as given: the view clamps it to the map); the link points at it. */
export function setWindowDemo(change: Partial<WindowDemo>): void {
  store.setState((state) => ({ demo: 'window', window: { ...state.window, ...change } }));
}

/** Shows another layer, map or window: back to its first stop, paused. */
export function setWindowSource(change: Partial<Pick<WindowDemo, 'layer' | 'map' | 'phase'>>): void {
  setWindowDemo({ ...change, stop: 0, playing: false });
}

export function setShrinkDemo(change: Partial<ShrinkDemo>): void {
  store.setState((state) => ({ demo: 'shrink', shrink: { ...state.shrink, ...change } }));
}

export function setDenseUnits(denseUnits: number): void {
  store.setState({ demo: 'dense', denseUnits });
}

/** The demo a link opened has scrolled itself into view: cleared so a later render does not scroll again. */
export function demoShown(): void {
  if (store.getState().scrollTo !== null) store.setState({ scrollTo: null });
}
