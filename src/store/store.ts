/**
 * The one zustand store (vanilla, so the engine and the URL hash can subscribe outside React) and the
 * actions that change it. Every spec change (a control, an imported file, a link opened in a live tab)
 * passes `specChangeProblem`: one that would leave no feature map for the current image, or empty a
 * pooling that has output now, is refused with an error notice and the last good spec stays. A new image
 * needs only a feature map (`specProblem`): its empty poolings are explained in place.
 */
import { useStore as useZustand } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import {
  defaultSpec,
  emptiedStage,
  layerGeometry,
  parseSpec,
  SpecError,
  type LayerGeometry,
  type LayerSpec,
} from '../core/index.ts';
import { DEFAULT_MAP_DISPLAY } from './state.ts';
import type { BackendStatus, ImageMeta, InspectTarget, MapDisplay, Notice, State } from './state.ts';

function initialState(): State {
  return {
    image: null,
    spec: defaultSpec(),
    mapDisplay: DEFAULT_MAP_DISPLAY,
    magnitude: false,
    openSections: [],
    lesson: null,
    error: null,
    backend: { name: null, reason: null, detail: null },
    inspect: null,
    dragging: false,
  };
}

export const store = createStore<State>()(subscribeWithSelector(() => initialState()));

/** React hook over the store; select atomically (one field or a derived primitive) to avoid re-renders. */
export function useStore<T>(selector: (state: State) => T): T {
  return useZustand(store, selector);
}

/**
 * Why a spec cannot run on an image of this size (no feature map, reflect padding wider than the image),
 * or null if it can. An empty pooling is no problem here (a new image loads with it explained in place).
 */
export function specProblem(spec: LayerSpec, image: ImageMeta | null): SpecError | null {
  try {
    if (image) layerGeometry(spec, image.height, image.width);
    return null;
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
}

/**
 * Why the current image cannot go from spec `from` to spec `to`: `specProblem`, or a pooling that has
 * output under `from` and none under `to` (nothing a person sees is wiped by a change); null if it can.
 */
export function specChangeProblem(from: LayerSpec, to: LayerSpec, image: ImageMeta | null): SpecError | null {
  if (!image) return null;
  const problem = specProblem(to, image);
  if (problem) return problem;
  let before: LayerGeometry | null = null;
  try {
    before = layerGeometry(from, image.height, image.width);
  } catch {
    // The spec in effect does not fit (cannot happen once an image is in): any spec that fits is better.
  }
  return emptiedStage(before, layerGeometry(to, image.height, image.width));
}

function specNotice(error: SpecError): Notice {
  return { key: 'error.spec', params: { detail: error.message } };
}

/**
 * Applies `change` to a copy of the spec, validates it (field by field, then against the image size) and
 * commits it, or keeps the last good spec and raises an alert. Returns whether it was applied.
 */
export function updateSpec(change: (draft: LayerSpec) => LayerSpec | void): boolean {
  const current = store.getState().spec;
  const draft = structuredClone(current);
  const changed = change(draft) ?? draft;
  let next: LayerSpec;
  try {
    next = parseSpec(changed);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    store.setState({ error: specNotice(error) });
    return false;
  }
  const problem = specChangeProblem(current, next, store.getState().image);
  if (problem) {
    store.setState({ error: specNotice(problem) });
    return false;
  }
  store.setState({ spec: next, error: null });
  return true;
}

/** A new input; with `spec`, that spec along with it (a link naming its sample), checked by the caller. */
export function setImage(image: ImageMeta, spec?: LayerSpec): void {
  store.setState({ image, error: null, ...(spec && { spec }) });
}

export function setMapDisplay(mapDisplay: MapDisplay): void {
  store.setState({ mapDisplay });
}

export function setMagnitude(magnitude: boolean): void {
  store.setState({ magnitude });
}

export function raise(error: Notice): void {
  store.setState({ error });
}

export function dismissError(): void {
  store.setState({ error: null });
}

/** Points the inspector at an output pixel, or clears it (null). */
export function setInspect(inspect: InspectTarget | null): void {
  store.setState({ inspect });
}

/** A value starts or stops being dragged (see InterfaceSlice.dragging). */
export function setDragging(dragging: boolean): void {
  if (store.getState().dragging !== dragging) store.setState({ dragging });
}

export function setBackendStatus(backend: BackendStatus): void {
  store.setState({ backend });
}

/** Back to the initial state (tests; a future "Reset" button). */
export function resetStore(): void {
  store.setState(initialState(), true);
}
