/**
 * The one zustand store (vanilla, so the engine and the URL hash can subscribe outside React) and the
 * actions that change it. The store holds a network (1 to MAX_LAYERS layers; a plain layer spec is one)
 * and which layer the controls edit. Every change to it (a control, an imported file, a link opened in
 * a live tab) passes `networkChangeProblem`: one that would leave some layer without a feature map for
 * the current image, or empty a pooling that has output now, is refused with an error notice and the
 * last good network stays. A new image needs only every layer's feature maps (`networkProblem`): its
 * empty poolings are explained in place.
 */
import { useStore as useZustand } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import {
  defaultSpec,
  emptiedStage,
  networkGeometry,
  networkOf,
  parseSpec,
  restack,
  SpecError,
  type LayerGeometry,
  type LayerSpec,
  type NetworkLayer,
  type NetworkSpec,
} from '../core/index.ts';
import { defaultDemos } from './demoState.ts';
import { DEFAULT_MAP_DISPLAY } from './state.ts';
import type { BackendStatus, ImageMeta, InspectTarget, MapDisplay, Notice, State } from './state.ts';

/** The network the page opens with: the default layer alone. */
export function defaultNetwork(): NetworkSpec {
  return networkOf(defaultSpec());
}

function initialState(): State {
  return {
    image: null,
    network: defaultNetwork(),
    editing: 0,
    mapDisplay: DEFAULT_MAP_DISPLAY,
    magnitude: false,
    openSections: [],
    lesson: null,
    error: null,
    backend: { name: null, reason: null, detail: null },
    inspect: null,
    dragging: false,
    ...defaultDemos(),
  };
}

export const store = createStore<State>()(subscribeWithSelector(() => initialState()));

/** React hook over the store; select atomically (one field or a derived primitive) to avoid re-renders. */
export function useStore<T>(selector: (state: State) => T): T {
  return useZustand(store, selector);
}

/** Layer `index` (0-based) of the network; the first layer when there is no such layer. */
export function layerOf(state: Pick<State, 'network'>, index: number): NetworkLayer {
  const { layers } = state.network;
  return (layers[index] ?? layers[0]) as NetworkLayer;
}

/** The layer the kernel editor and the layer controls edit. */
export function editedSpec(state: Pick<State, 'network' | 'editing'>): NetworkLayer {
  return layerOf(state, state.editing);
}

/**
 * Every layer's geometry for the current image, or null (no image yet, or the network does not fit it).
 * Derived on demand, never stored.
 */
export function geometriesOf(state: Pick<State, 'network' | 'image'>): LayerGeometry[] | null {
  const { image, network } = state;
  if (!image) return null;
  try {
    return networkGeometry(network, image.height, image.width);
  } catch (error) {
    if (error instanceof SpecError) return null;
    throw error;
  }
}

/**
 * Why a network cannot run on an image of this size (a layer without a feature map, reflect padding
 * wider than its input, an empty pooling the next layer feeds on), or null if it can. The last layer's
 * empty pooling is no problem here (a new image loads with it explained in place).
 */
export function networkProblem(net: NetworkSpec, image: ImageMeta | null): SpecError | null {
  try {
    if (image) networkGeometry(net, image.height, image.width);
    return null;
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
}

/**
 * Why the current image cannot go from network `from` to `to`: `networkProblem`, or a pooling that
 * has output under `from` and none under `to` (nothing a person sees is wiped by a change); null if it
 * can.
 */
export function networkChangeProblem(
  from: NetworkSpec,
  to: NetworkSpec,
  image: ImageMeta | null,
): SpecError | null {
  if (!image) return null;
  const problem = networkProblem(to, image);
  if (problem) return problem;
  let before: LayerGeometry[] = [];
  try {
    before = networkGeometry(from, image.height, image.width);
  } catch {
    // The network in effect does not fit (cannot happen once an image is in): any that fits is better.
  }
  const after = networkGeometry(to, image.height, image.width);
  for (const [i, geometry] of after.entries()) {
    // A layer just added wipes nothing: its empty pooling is explained in place, as a new image's is.
    if (before.length > 0 && !before[i]) continue;
    const emptied = emptiedStage(before[i] ?? null, geometry);
    if (emptied) return to.layers.length > 1 ? emptied.within(`layers[${i}]`) : emptied;
  }
  return null;
}

function specNotice(error: SpecError): Notice {
  return { key: 'error.spec', params: { detail: error.message } };
}

/**
 * Commits `next` (its layers restacked: inputs linked, deeper filters given the new depth) if the
 * current image can take it, or keeps the last good network and raises an alert. `editing` moves to
 * the layer given, kept within the network. Returns whether it was applied.
 */
export function commitNetwork(layers: readonly NetworkLayer[], editing = store.getState().editing): boolean {
  const { network: current, image } = store.getState();
  const next: NetworkSpec = { layers: restack(layers) };
  const problem = networkChangeProblem(current, next, image);
  if (problem) {
    store.setState({ error: specNotice(problem) });
    return false;
  }
  store.setState({
    network: next,
    editing: Math.max(0, Math.min(editing, next.layers.length - 1)),
    error: null,
  });
  return true;
}

/** A layer's fields as `parseSpec` reads them: a deeper layer's input is its `inputMaps`, not `channels`. */
function parseLayer(layer: NetworkLayer): NetworkLayer {
  const { output, inputMaps, channels, ...fields } = layer;
  const parsed = inputMaps === undefined ? parseSpec({ channels, ...fields }) : parseSpec(fields, inputMaps);
  return { ...parsed, output };
}

/**
 * Applies `change` to a copy of the edited layer's spec, validates it (field by field, then the whole
 * network against the image size) and commits it, or keeps the last good network and raises an alert.
 * Returns whether it was applied.
 */
export function updateSpec(change: (draft: NetworkLayer) => LayerSpec | void): boolean {
  const state = store.getState();
  const current = editedSpec(state);
  const draft = structuredClone(current);
  const changed = (change(draft) ?? draft) as NetworkLayer;
  let next: NetworkLayer;
  try {
    next = parseLayer({ ...changed, output: changed.output ?? current.output });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const named = state.network.layers.length > 1 ? error.within(`layers[${state.editing}]`) : error;
    store.setState({ error: specNotice(named) });
    return false;
  }
  const layers = state.network.layers.map((layer, i) => (i === state.editing ? next : layer));
  return commitNetwork(layers);
}

/** A new input; with `network`, that network along with it (a link naming its sample), checked by the caller. */
export function setImage(image: ImageMeta, network?: NetworkSpec): void {
  store.setState({ image, error: null, ...(network && { network, editing: 0 }) });
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
