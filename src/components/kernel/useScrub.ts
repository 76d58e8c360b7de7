/**
 * Dragging a kernel cell up or down changes its value like a knob: one step per PX_PER_STEP pixels (1, or
 * 0.1 with Shift), applied live while the pointer moves. The pointer is captured, so the drag may leave the
 * cell. A press that does not move is a plain click: it focuses the cell with its text selected, ready
 * for typing. While a drag lasts the store's `dragging` is set, so the engine may preview a large image
 * at a lower resolution until the pointer is released.
 */
import { useEffect, useRef, type MouseEvent, type PointerEvent } from 'react';
import { tidy } from '../../kernels/ops.ts';
import { setDragging } from '../../store/index.ts';

export const PX_PER_STEP = 4;
/** Movement below this (in px) is still a click. */
const CLICK_SLOP = 3;

interface Drag {
  pointerId: number;
  /** Where the current run of steps started (moved when Shift is pressed or released mid-drag). */
  anchorY: number;
  anchorValue: number;
  fine: boolean;
  last: number;
  scrubbing: boolean;
}

export interface ScrubHandlers {
  onPointerDown: (event: PointerEvent<HTMLInputElement>) => void;
  onPointerMove: (event: PointerEvent<HTMLInputElement>) => void;
  onPointerUp: (event: PointerEvent<HTMLInputElement>) => void;
  onPointerCancel: (event: PointerEvent<HTMLInputElement>) => void;
  onMouseDown: (event: MouseEvent<HTMLInputElement>) => void;
}

/**
 * `value` is the cell's current weight; `onScrub(next)` applies a new one; `onScrubStart` runs once when a
 * press turns into a drag (to drop a half-typed draft).
 */
export function useScrub(
  value: number,
  onScrub: (next: number) => void,
  onScrubStart: () => void,
): ScrubHandlers {
  const drag = useRef<Drag | null>(null);
  // A cell removed mid-drag (its filter deleted, the kernel resized) ends the drag.
  useEffect(
    () => () => {
      if (drag.current?.scrubbing) setDragging(false);
    },
    [],
  );

  const end = (event: PointerEvent<HTMLInputElement>) => {
    const state = drag.current;
    if (!state || state.pointerId !== event.pointerId) return null;
    drag.current = null;
    if (state.scrubbing) setDragging(false);
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    return state;
  };

  return {
    // Keeps the browser from focusing and selecting text on press: a press may become a drag. A cell that
    // already has focus keeps the normal behaviour (placing the caret).
    onMouseDown: (event) => {
      if (event.button === 0 && document.activeElement !== event.currentTarget) event.preventDefault();
    },
    onPointerDown: (event) => {
      if (event.button !== 0 || !event.isPrimary) return;
      drag.current = {
        pointerId: event.pointerId,
        anchorY: event.clientY,
        anchorValue: value,
        fine: event.shiftKey,
        last: value,
        scrubbing: false,
      };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event) => {
      const state = drag.current;
      if (!state || state.pointerId !== event.pointerId) return;
      if (!state.scrubbing) {
        if (Math.abs(event.clientY - state.anchorY) < CLICK_SLOP) return;
        state.scrubbing = true;
        setDragging(true);
        onScrubStart();
        if (document.activeElement === event.currentTarget) event.currentTarget.blur();
      }
      event.preventDefault();
      if (event.shiftKey !== state.fine) {
        state.fine = event.shiftKey;
        state.anchorY = event.clientY;
        state.anchorValue = state.last;
        return;
      }
      const steps = Math.trunc((state.anchorY - event.clientY) / PX_PER_STEP);
      const next = tidy(state.anchorValue + steps * (state.fine ? 0.1 : 1));
      if (next !== state.last) {
        state.last = next;
        onScrub(next);
      }
    },
    onPointerUp: (event) => {
      const state = end(event);
      if (state && !state.scrubbing && document.activeElement !== event.currentTarget) {
        event.currentTarget.focus();
        event.currentTarget.select();
      }
    },
    onPointerCancel: (event) => void end(event),
  };
}
