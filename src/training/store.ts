/**
 * The page's training run: a zustand store holding a `TrainSnapshot` and the actions of the Train panel.
 * Training runs in a Web Worker (trainWorker.ts) with its own tfjs, so the page stays responsive; the
 * worker is created on Start (nothing heavy loads before) and terminated when the run ends or a new one
 * starts. Models are exported and imported as CONTRACT section 6 JSON.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import type { NetworkSpec } from '../core/index.ts';
import { saveBlob } from '../export/download.ts';
import { DEFAULT_TRAIN_SETTINGS, type TrainSettings } from '../train/defaults.ts';
import { HELD_OUT_RANGE, TRAIN_IMAGES, type ImageRange } from '../train/fashionMnist.ts';
import { parseModel } from '../train/model.ts';
import { applyModelToWorkbench } from '../store/modelActions.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { FilterStack, Sample, TrainSnapshot } from './types.ts';

export const MODEL_FILE_NAME = 'kernelscope-model.json';
/** The largest model file read: six layers of 64 filters up to 31 x 31 x 64 in JSON stay well below. */
const MAX_MODEL_BYTES = 64 * 1024 * 1024;

/** The image followed at first: the first held-out one (never trained on). */
export const FIRST_FOLLOWED = HELD_OUT_RANGE.start;

export interface TrainState extends TrainSnapshot {
  /** The image whose maps the run shows (0..9999). */
  follow: number;
  /** The file name of an imported model being shown (null: the result is from training here). */
  importedFrom: string | null;
  /** Images a person may pick to follow (from the worker, once the data is in). */
  choices: Sample[];
  /** Why the last file given to "Import model" was refused (the model on the page stays). */
  importError: string | null;
}

export function initialTrainState(): TrainState {
  return {
    phase: 'idle',
    backend: null,
    settings: DEFAULT_TRAIN_SETTINGS,
    network: null,
    batches: [],
    epochs: [],
    progress: null,
    filters: null,
    followed: null,
    result: null,
    error: null,
    follow: FIRST_FOLLOWED,
    importError: null,
    choices: [],
    importedFrom: null,
  };
}

export const trainStore = createStore<TrainState>()(() => initialTrainState());

export function useTrain<T>(selector: (state: TrainState) => T): T {
  return useZustand(trainStore, selector);
}

let worker: Worker | null = null;

function endWorker(): void {
  worker?.terminate();
  worker = null;
}

/** The site's base URL, absolute: the worker finds the data from it (its own URL is under assets/). */
function siteBase(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

/**
 * The images trained on: all of 0–8999, or the first N with `?trainImages=N` in the page's URL (for the
 * end-to-end tests, which cannot wait 15 s an epoch).
 */
export function trainRange(search: string = location.search): ImageRange {
  const asked = Number(new URLSearchParams(search).get('trainImages'));
  const count = Number.isInteger(asked) && asked > 0 ? Math.min(asked, TRAIN_IMAGES) : TRAIN_IMAGES;
  return { start: 0, count };
}

function onMessage(message: FromWorker): void {
  const state = trainStore.getState();
  switch (message.type) {
    case 'started':
      trainStore.setState({
        backend: message.backend,
        choices: message.choices,
        phase: state.phase === 'loading' ? 'training' : state.phase,
      });
      return;
    case 'update':
      trainStore.setState({
        batches: message.batches.length ? [...state.batches, ...message.batches] : state.batches,
        epochs: message.epochs.length ? [...state.epochs, ...message.epochs] : state.epochs,
        progress: message.progress,
        filters: message.filters,
        followed: message.followed,
      });
      return;
    case 'result':
      endWorker();
      trainStore.setState({ phase: 'done', result: message.result });
      return;
    case 'stopped':
      endWorker();
      trainStore.setState({ phase: 'idle' });
      return;
    case 'error':
      endWorker();
      trainStore.setState({ phase: 'error', error: message.message });
      return;
  }
}

function startWorker(request: ToWorker): void {
  endWorker();
  worker = new Worker(new URL('./trainWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    endWorker();
    trainStore.setState({ phase: 'error', error: event.message || 'the training worker failed to start' });
  };
  worker.postMessage(request);
}

function send(message: ToWorker): void {
  worker?.postMessage(message);
}

/** Starts a new run of `network` (a previous run is ended and its results cleared). */
export function startTraining(settings: TrainSettings, network: NetworkSpec): void {
  const { follow, choices } = trainStore.getState();
  trainStore.setState({
    ...initialTrainState(),
    follow,
    choices,
    phase: 'loading',
    settings,
    network,
  });
  startWorker({ type: 'start', baseUrl: siteBase(), settings, network, range: trainRange(), follow });
}

export function pauseTraining(): void {
  if (trainStore.getState().phase !== 'training') return;
  send({ type: 'pause' });
  trainStore.setState({ phase: 'paused' });
}

export function resumeTraining(): void {
  if (trainStore.getState().phase !== 'paused') return;
  send({ type: 'resume' });
  trainStore.setState({ phase: 'training' });
}

/** Stops the run: after one epoch or more its model is kept (the worker posts the result), else dropped. */
export function stopTraining(): void {
  const { phase } = trainStore.getState();
  if (phase === 'loading') {
    endWorker();
    trainStore.setState({ phase: 'idle' });
    return;
  }
  if (phase !== 'training' && phase !== 'paused') return;
  send({ type: 'stop' });
}

/** Follows image `index` (0..9999): its maps through every layer come with the next updates. */
export function followImage(index: number): void {
  trainStore.setState({ follow: index });
  send({ type: 'follow', index });
}

/** The model JSON as a download, kernelscope-model.json. */
export function exportModel(): void {
  const model = trainStore.getState().result?.model;
  if (!model) return;
  saveBlob(new Blob([`${JSON.stringify(model)}\n`], { type: 'application/json' }), MODEL_FILE_NAME);
}

/** The first layer's filters of a model's network (pixel units), as training's views draw them. */
function firstLayerFilters(network: NetworkSpec): FilterStack | null {
  const layer = network.layers[0];
  const first = layer?.filters[0];
  if (!layer || !first) return null;
  const height = first.weights.length;
  const width = first.weights[0]?.length ?? 0;
  const count = layer.filters.length;
  const values = new Float32Array(height * width * count);
  layer.filters.forEach((filter, f) => {
    filter.weights.forEach((row, r) =>
      row.forEach((cell, c) => {
        // A gray first layer (parseModel) has plain numbers; a depth-sliced cell keeps its first.
        values[(r * width + c) * count + f] = Array.isArray(cell) ? (cell[0] ?? 0) : cell;
      }),
    );
  });
  return { height, width, count, values };
}

/**
 * Reads a model JSON file: refused (unreadable, not JSON, not a model), `importError` says why and
 * nothing else changes; accepted, it replaces the result and the worker measures it on the held-out
 * images as training would. Returns whether it was accepted.
 */
export async function importModel(file: File): Promise<boolean> {
  const { phase } = trainStore.getState();
  if (phase === 'training' || phase === 'paused' || phase === 'loading') return false;
  let value: unknown;
  let network: NetworkSpec;
  try {
    // A model file is small, but a person may pick anything: a huge one is refused before it is read.
    if (file.size > MAX_MODEL_BYTES) throw new Error(`${file.size} bytes, more than a model file can be`);
    value = JSON.parse(await file.text());
    network = parseModel(value).network;
  } catch (error) {
    trainStore.setState({ importError: `${file.name}: ${(error as Error).message}` });
    return false;
  }
  const { follow, choices } = trainStore.getState();
  trainStore.setState({
    ...initialTrainState(),
    follow,
    choices,
    phase: 'loading',
    network,
    filters: firstLayerFilters(network),
    importedFrom: file.name,
  });
  startWorker({ type: 'evaluate', baseUrl: siteBase(), model: value });
  return true;
}

/** The trained (or imported) model's layers become the workbench's network, on a Fashion-MNIST image. */
export async function applyTrainedModel(): Promise<boolean> {
  const model = trainStore.getState().result?.model as { layers?: unknown } | undefined;
  if (!model || !Array.isArray(model.layers)) return false;
  return applyModelToWorkbench(model.layers);
}

/** Back to nothing trained (tests). */
export function resetTraining(): void {
  endWorker();
  trainStore.setState(initialTrainState());
}
