/**
 * Which figure the focus view shows (null: closed), outside the store: it is a way of looking, not part of
 * the layer or the link. The element that opened it gets the focus back when it closes.
 */
import { useSyncExternalStore } from 'react';
import type { FocusKind } from './placement.ts';

export interface FocusTarget {
  kind: FocusKind;
  /** Output map (0-based); 0 for the input and the magnitude. */
  map: number;
  /** The figure's canvas name, e.g. "Feature map 1". */
  name: string;
  /** The engine canvas key of the figure, e.g. "features-0". */
  canvasKey: string;
  /** The layer (0-based) whose map it is; 0 for the input and the magnitude. */
  layer: number;
}

let current: { target: FocusTarget; opener: HTMLElement | null } | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function openFocus(target: FocusTarget, opener: HTMLElement | null): void {
  current = { target, opener };
  emit();
}

/** Closes the focus view and returns the keyboard focus to the button that opened it. */
export function closeFocus(): void {
  const opener = current?.opener;
  current = null;
  emit();
  if (opener?.isConnected) opener.focus();
}

export function useFocusTarget(): FocusTarget | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current?.target ?? null,
  );
}
