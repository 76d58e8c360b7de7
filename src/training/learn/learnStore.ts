/**
 * Learn a kernel, as the page holds it: the hidden target, the settings, the run's phase, its loss curve
 * and how it ended. The run itself is in a worker (learnWorker.ts); each update it posts (about ten a
 * second) writes the learned weights into the workbench's filter 1, so the real feature map converges
 * in front of the person. Reset puts the target back in filter 1, so nothing typed is lost.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import { kernelShape, type LayerSpec, type Weights } from '../../core/index.ts';
import { engine, onFrameDrawn } from '../../engine/index.ts';
import { findPreset } from '../../kernels/presets.ts';
import { editedSpec, setFilterWeights, store } from '../../store/index.ts';
import { DEFAULT_LEARN_SETTINGS, type LearnSettings } from '../../train/learnKernel.ts';
import type { TrainBackend } from '../../train/workerBackend.ts';
import type { FromLearnWorker, LearnEnd, ToLearnWorker } from './protocol.ts';

/** The target: a preset's id, or TYPED_TARGET for filter 1 as the person typed it. */
export const TYPED_TARGET = 'typed';

export type LearnPhase = 'idle' | 'starting' | 'running' | 'paused' | 'ended' | 'error';

export interface LearnState {
  phase: LearnPhase;
  targetChoice: string;
  /** The hidden target of the run (null before the first start). */
  target: Weights | null;
  revealed: boolean;
  settings: LearnSettings;
  step: number;
  loss: number | null;
  /** [step, loss] after each update, for the loss curve. */
  curve: Array<[number, number]>;
  end: LearnEnd | null;
  /** Largest |learned - target| over the weights, at the end. */
  difference: number | null;
  backend: TrainBackend | null;
  /** The image's size and the size learned on (smaller when scaled down). */
  imageSize: { height: number; width: number } | null;
  learnedSize: { height: number; width: number } | null;
  error: string | null;
}

export const learnStore = createStore<LearnState>()(() => ({
  phase: 'idle',
  targetChoice: 'sobel-x',
  target: null,
  revealed: false,
  settings: DEFAULT_LEARN_SETTINGS,
  step: 0,
  loss: null,
  curve: [],
  end: null,
  difference: null,
  backend: null,
  imageSize: null,
  learnedSize: null,
  error: null,
}));

export function useLearn<T>(selector: (state: LearnState) => T): T {
  return useZustand(learnStore, selector);
}

let worker: Worker | null = null;
let unwatch: (() => void) | null = null;

function endWorker(): void {
  worker?.terminate();
  worker = null;
  unwatch?.();
  unwatch = null;
}

function send(message: ToLearnWorker): void {
  worker?.postMessage(message);
}

/** Every weight of `weights` in one flat list (2-D or 3-D). */
function flat(weights: Weights): number[] {
  return (weights as unknown[]).flat(2) as number[];
}

/** The largest difference, weight by weight, between two filters of one shape. */
export function largestDifference(a: Weights, b: Weights): number {
  const want = flat(b);
  return Math.max(...flat(a).map((v, i) => Math.abs(v - (want[i] ?? 0))));
}

/** The target `choice` names, for the layer being learned (null: no such preset). */
export function targetOf(choice: string, layer: LayerSpec): Weights | null {
  if (choice === TYPED_TARGET) return structuredClone(layer.filters[0]?.weights ?? null);
  const preset = findPreset(choice);
  return preset ? structuredClone(preset.weights) : null;
}

/** Decimals of a weight written into the editor: its cells show no more, and -0.0000733 read as "-0.000". */
const SHOWN_DECIMALS = 3;
/** Least time between two writes into filter 1 (about ten a second). */
const WRITE_MS = 100;
/** A write that brought no new frame (the same weights, or off screen) stops holding the next after this. */
const FRAME_WAIT_MS = 1000;

function rounded(weights: Weights): Weights {
  const round = (v: number) => Math.round(v * 10 ** SHOWN_DECIMALS) / 10 ** SHOWN_DECIMALS + 0;
  return (weights as unknown[]).map((row) =>
    (row as unknown[]).map((cell) =>
      Array.isArray(cell) ? (cell as number[]).map(round) : round(cell as number),
    ),
  ) as Weights;
}

/**
 * Writes into filter 1 with back-pressure: the newest weights wait until the page has drawn the last
 * ones (and WRITE_MS has passed), so a slow machine redraws less often instead of queueing work and
 * freezing (on SwiftShader a frame of a 512 x 512 image can take longer than a write interval).
 */
const writer = {
  pending: null as Weights | null,
  waitingForFrame: false,
  lastWrite: 0,
  timer: 0 as ReturnType<typeof setTimeout> | 0,
  unsubscribe: null as (() => void) | null,
};

function flush(): void {
  if (writer.timer) clearTimeout(writer.timer);
  writer.timer = 0;
  const weights = writer.pending;
  if (!weights) return;
  const now = performance.now();
  const wait = writer.waitingForFrame
    ? writer.lastWrite + FRAME_WAIT_MS - now
    : writer.lastWrite + WRITE_MS - now;
  if (wait > 0) {
    writer.timer = setTimeout(flush, wait);
    return;
  }
  writer.pending = null;
  writer.lastWrite = now;
  writer.waitingForFrame = setFilterWeights(0, rounded(weights));
  writer.unsubscribe ??= onFrameDrawn(() => {
    writer.waitingForFrame = false;
    if (writer.pending) flush();
  });
}

/** Filter 1 set to `weights` (the learned filter, shaped as the target), rounded as the editor shows them. */
function show(weights: Weights, now = false): void {
  writer.pending = weights;
  if (now) {
    writer.waitingForFrame = false;
    writer.lastWrite = 0;
  }
  flush();
}

function onMessage(message: FromLearnWorker): void {
  const state = learnStore.getState();
  switch (message.type) {
    case 'started':
      learnStore.setState({
        phase: state.phase === 'paused' ? 'paused' : 'running',
        backend: message.backend,
        learnedSize: { height: message.height, width: message.width },
      });
      show(message.weights);
      return;
    case 'progress':
      learnStore.setState({
        step: message.step,
        loss: message.loss,
        curve: [...state.curve, [message.step, message.loss]],
      });
      show(message.weights);
      return;
    case 'ended':
      endWorker();
      learnStore.setState({
        phase: 'ended',
        end: message.end,
        step: message.step,
        loss: message.loss,
        curve: [...state.curve, [message.step, message.loss]],
        difference: state.target ? largestDifference(message.weights, state.target) : null,
      });
      show(message.weights, true);
      return;
    case 'error':
      endWorker();
      learnStore.setState({ phase: 'error', error: message.message });
      return;
  }
}

/** RGB 0..255 [H, W, 3] from the layer input values (gray: luma repeated, whose luma is itself). */
function rgbOf(data: Float32Array, channels: number): Float32Array {
  if (channels === 3) return data;
  const rgb = new Float32Array(data.length * 3);
  for (let i = 0; i < data.length; i++) rgb.fill(data[i]!, i * 3, i * 3 + 3);
  return rgb;
}

/**
 * Starts learning filter 1 of layer 1 towards the chosen target, from the seed's random weights, on the
 * current image (read back once, here, not on the render path). False when there is nothing to learn.
 */
export async function startLearning(): Promise<boolean> {
  const page = store.getState();
  if (page.editing !== 0 || !page.image) return false;
  const layer = structuredClone(editedSpec(page)) as LayerSpec;
  const { targetChoice, settings } = learnStore.getState();
  const target = targetOf(targetChoice, layer);
  const values = engine.readInput(0);
  if (!target || !values) return false;
  endWorker();
  learnStore.setState({
    phase: 'starting',
    target,
    revealed: false,
    step: 0,
    loss: null,
    curve: [],
    end: null,
    difference: null,
    error: null,
    learnedSize: null,
  });
  // Hidden at once: filter 1 holds zeros until the worker's random start arrives.
  const { kh, kw, depth } = kernelShape(target);
  show(
    Array.from({ length: kh }, () =>
      Array.from({ length: kw }, () => (depth ? Array<number>(depth).fill(0) : 0)),
    ) as Weights,
    true,
  );
  const input = await values;
  learnStore.setState({ imageSize: { height: input.height, width: input.width } });
  worker = new Worker(new URL('./learnWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromLearnWorker>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    endWorker();
    learnStore.setState({ phase: 'error', error: event.message || 'the learning worker failed to start' });
  };
  // A new image or another layer edited ends the run: the learned filter stays.
  unwatch = store.subscribe((now, before) => {
    if (now.image !== before.image || now.editing !== before.editing) stopLearning();
  });
  const pixels = rgbOf(input.data, input.channels);
  worker.postMessage({
    type: 'start',
    pixels: pixels === input.data ? pixels.slice() : pixels,
    height: input.height,
    width: input.width,
    layer: { ...layer, filters: [{ weights: target, bias: 0 }] },
    target,
    settings,
  } satisfies ToLearnWorker);
  return true;
}

export function pauseLearning(): void {
  if (learnStore.getState().phase !== 'running') return;
  send({ type: 'pause' });
  learnStore.setState({ phase: 'paused' });
}

export function resumeLearning(): void {
  if (learnStore.getState().phase !== 'paused') return;
  send({ type: 'resume' });
  learnStore.setState({ phase: 'running' });
}

/** Stops the run; the learned filter stays in filter 1 (the worker posts it last). */
export function stopLearning(): void {
  const { phase } = learnStore.getState();
  if (phase === 'running' || phase === 'paused') send({ type: 'stop' });
  // Before the worker's first weights filter 1 holds zeros: nothing learned to keep, so the target goes back.
  else if (phase === 'starting') resetLearning();
}

/** Ends any run and puts the target back into filter 1. */
export function resetLearning(): void {
  endWorker();
  const { target } = learnStore.getState();
  if (target) show(target, true);
  learnStore.setState({
    phase: 'idle',
    step: 0,
    loss: null,
    curve: [],
    end: null,
    difference: null,
    error: null,
    revealed: false,
  });
}

export function setTargetChoice(choice: string): void {
  learnStore.setState({ targetChoice: choice });
}

export function setLearnSettings(settings: Partial<LearnSettings>): void {
  learnStore.setState((s) => ({ settings: { ...s.settings, ...settings } }));
}

export function revealTarget(revealed: boolean): void {
  learnStore.setState({ revealed });
}
