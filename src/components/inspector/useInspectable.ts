import type { FocusEvent, HTMLAttributes, KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import type { Stage } from '../../core/index.ts';
import { engine } from '../../engine/index.ts';
import { setInspect, store, type InspectTarget } from '../../store/index.ts';
import { samePixel } from './target.ts';

export interface InspectableMap {
  /** The layer (0-based) whose map this is; the first when left out. */
  layer?: number;
  stage: Stage;
  map: number;
}

/** The kind of pointer of the last pointerdown, so that a click knows whether it was a tap. */
let lastPointerType = 'mouse';

/** Arrow keys move the probe by one map pixel, with Shift by this many. */
const BIG_STEP_PIXELS = 5;

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * Props that make a map canvas point the inspector at one of its pixels (`width` × `height` is the map's
 * size in pixels):
 *
 * - mouse: move to probe, click to pin (click the pinned pixel again to unpin), leave to clear unless pinned;
 * - touch and pen: tap to pin a pixel, tap it again to clear;
 * - keyboard: the canvas is focusable; focusing it by keyboard probes its top-left pixel, the arrow keys
 *   move the probe (Shift: 5 pixels), Home / End jump to the first / last pixel, Enter or Space pins or
 *   unpins, Escape clears. A probe chosen by keyboard is pinned, so a resting mouse does not steal it.
 *
 * Pointer moves within one pixel do not touch the store, so the inspector renders once per pixel.
 */
export function useInspectable(
  target: InspectableMap | undefined,
  width: number,
  height: number,
): HTMLAttributes<HTMLCanvasElement> {
  if (!target) return {};
  const current = (): InspectTarget | null => store.getState().inspect;
  /** The current target if it is on this canvas. */
  const here = (): InspectTarget | null => {
    const t = current();
    return t && t.layer === (target.layer ?? 0) && t.stage === target.stage && t.map === target.map
      ? t
      : null;
  };
  const set = (next: InspectTarget | null) => {
    const now = current();
    if (next === now || (next && now && samePixel(next, now) && next.pinned === now.pinned)) return;
    setInspect(next);
  };
  const at = (y: number, x: number, pinned: boolean): InspectTarget => ({
    ...target,
    layer: target.layer ?? 0,
    y: Math.min(height - 1, Math.max(0, y)),
    x: Math.min(width - 1, Math.max(0, x)),
    pinned,
  });
  const pixelAt = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return at(
      Math.floor(((event.clientY - box.top) / box.height) * height),
      Math.floor(((event.clientX - box.left) / box.width) * width),
      false,
    );
  };
  /** Starts the one readback of this layer's input values the explanation needs, before the first probe. */
  const warmUp = () => void engine.readInput(target.layer ?? 0)?.catch(() => {});

  return {
    tabIndex: 0,
    'aria-keyshortcuts': 'ArrowUp ArrowDown ArrowLeft ArrowRight Home End Enter Escape',
    onPointerEnter: warmUp,
    onPointerDown: (event: PointerEvent<HTMLCanvasElement>) => {
      lastPointerType = event.pointerType;
      warmUp();
    },
    onPointerMove: (event: PointerEvent<HTMLCanvasElement>) => {
      // A finger dragging over the canvas scrolls the page; only a hovering pointer probes.
      if (event.pointerType !== 'mouse' && event.pointerType !== 'pen') return;
      if (current()?.pinned) return;
      set(pixelAt(event));
    },
    onPointerLeave: () => {
      if (current() && !current()?.pinned) set(null);
    },
    onClick: (event: MouseEvent<HTMLCanvasElement>) => {
      const probe = pixelAt(event);
      const now = current();
      if (now?.pinned && samePixel(now, probe)) {
        // Clicking the pinned pixel unpins it: a mouse keeps probing from there, a tap clears.
        set(lastPointerType === 'touch' ? null : probe);
      } else {
        set({ ...probe, pinned: true });
      }
      lastPointerType = 'mouse';
    },
    onFocus: (event: FocusEvent<HTMLCanvasElement>) => {
      warmUp();
      // Only a keyboard focus starts a probe; a click focuses too, and handles itself.
      if (here() || !event.currentTarget.matches(':focus-visible')) return;
      set(at(0, 0, true));
    },
    onKeyDown: (event: KeyboardEvent<HTMLCanvasElement>) => {
      const from = here();
      const move = MOVES[event.key];
      if (move) {
        const step = event.shiftKey ? BIG_STEP_PIXELS : 1;
        set(from ? at(from.y + move[0] * step, from.x + move[1] * step, true) : at(0, 0, true));
      } else if (event.key === 'Home') {
        set(at(0, 0, true));
      } else if (event.key === 'End') {
        set(at(height - 1, width - 1, true));
      } else if (event.key === 'Enter' || event.key === ' ') {
        set(from ? { ...from, pinned: !from.pinned } : at(0, 0, true));
      } else if (event.key === 'Escape') {
        if (!current()) return;
        set(null);
      } else {
        return;
      }
      event.preventDefault();
    },
  };
}
