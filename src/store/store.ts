/**
 * The one zustand store (vanilla, so the engine and the URL hash can subscribe outside React) and the
 * actions that change it. A spec change that would leave no output for the current image is refused
 * with an error notice and the last good spec stays.
 */
import { useStore as useZustand } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { defaultSpec, layerGeometry, parseSpec, SpecError, type LayerSpec } from '../core/index.ts';
import { browserLanguage, type Language } from '../i18n/index.ts';
import type { BackendStatus, ImageMeta, InspectTarget, MapDisplay, Notice, State } from './state.ts';

export function initialState(): State {
  return {
    image: null,
    spec: defaultSpec(),
    mapDisplay: 'symmetric',
    magnitude: false,
    language: browserLanguage(),
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

/** Why a spec cannot run on an image of this size, or null if it can. */
export function specProblem(spec: LayerSpec, image: ImageMeta | null): SpecError | null {
  try {
    if (image) layerGeometry(spec, image.height, image.width);
    return null;
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
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
  const problem = specProblem(next, store.getState().image);
  if (problem) {
    store.setState({ error: specNotice(problem) });
    return false;
  }
  store.setState({ spec: next, error: null });
  return true;
}

export function setImage(image: ImageMeta): void {
  store.setState({ image, error: null });
}

export function setMapDisplay(mapDisplay: MapDisplay): void {
  store.setState({ mapDisplay });
}

export function setMagnitude(magnitude: boolean): void {
  store.setState({ magnitude });
}

export function setLanguage(language: Language): void {
  store.setState({ language });
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
