/** The webcam's own small state (on, starting or off, and the measured frame rate), outside the page store. */
import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type WebcamStatus = 'off' | 'starting' | 'live';

export interface WebcamState {
  status: WebcamStatus;
  /** Frames computed per second over the last second while live; null before the first second. */
  fps: number | null;
}

export const webcamStore = createStore<WebcamState>()(() => ({ status: 'off', fps: null }));

export function setWebcamState(state: WebcamState): void {
  webcamStore.setState(state);
}

export function useWebcam<T>(selector: (state: WebcamState) => T): T {
  return useZustand(webcamStore, selector);
}
