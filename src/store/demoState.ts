/**
 * The three demos of how a layer works (docs/demos.md): the sliding window, stride
 * against pooling with the picture moved, and dense against convolution. What a person set in each is
 * store state, kept in the share link (urlHash.ts); `demo` names the one a link points at, which the
 * page opens and scrolls to. Types and defaults here; the actions in demos.ts.
 */
import type { ShiftEdge, WindowPhase } from '../core/index.ts';

export type DemoId = 'window' | 'shrink' | 'dense';

export const DEMOS: readonly DemoId[] = ['window', 'shrink', 'dense'];

/** Which way the shrink demo moves the picture. */
export type ShiftDirection = 'right' | 'down' | 'diagonal';

export const SHIFT_DIRECTIONS: readonly ShiftDirection[] = ['right', 'down', 'diagonal'];

/** The sliding window: which layer's which map, which window (filter or pooling), and where it stands. */
export interface WindowDemo {
  /** The layer (0-based) and the output map (0-based) whose computation is shown. */
  layer: number;
  map: number;
  phase: WindowPhase;
  /** The stop (0-based) the window stands at; the view clamps it to the map's stops. */
  stop: number;
  /** Playing moves it on by itself; not shared (a link opens paused). */
  playing: boolean;
  /** Stops per second while playing. Not shared. */
  speed: number;
}

/** Stride against pooling: which map is compared, and how the picture is moved for the translation test. */
export interface ShrinkDemo {
  map: number;
  /** Pixels the picture moves, 0..MAX_SHIFT. */
  shift: number;
  direction: ShiftDirection;
  edge: ShiftEdge;
}

export interface DemoSlice {
  /** The demo last opened by a link or the menu, or used: the link points at it. */
  demo: DemoId | null;
  /** A demo a link just opened: its view scrolls to itself once, then clears this (`demoShown`). Not shared. */
  scrollTo: DemoId | null;
  window: WindowDemo;
  shrink: ShrinkDemo;
  /** Dense against convolution: the Dense layer's units. */
  denseUnits: number;
}

/** Speeds offered for playing the window, in stops per second. */
export const WINDOW_SPEEDS: readonly number[] = [1, 2, 4, 8, 16, 32];

export const DEFAULT_WINDOW: WindowDemo = {
  layer: 0,
  map: 0,
  phase: 'conv',
  stop: 0,
  playing: false,
  speed: 4,
};

export const DEFAULT_SHRINK: ShrinkDemo = { map: 0, shift: 1, direction: 'right', edge: 'wrap' };

/** The Dense layer's units the demo starts with, and the slider's range. */
export const DEFAULT_DENSE_UNITS = 128;
export const MAX_DENSE_UNITS = 4096;

export function defaultDemos(): DemoSlice {
  return {
    demo: null,
    scrollTo: null,
    window: DEFAULT_WINDOW,
    shrink: DEFAULT_SHRINK,
    denseUnits: DEFAULT_DENSE_UNITS,
  };
}
