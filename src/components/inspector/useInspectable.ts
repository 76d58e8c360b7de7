import type { HTMLAttributes, MouseEvent } from 'react';
import { setInspect, store, type InspectStage } from '../../store/index.ts';

export interface InspectableMap {
  stage: InspectStage;
  map: number;
}

/**
 * Props that make a map canvas point the inspector at the pixel under the pointer: move to probe,
 * click to pin, leave to clear (unless pinned). `width` and `height` are the map's size in pixels.
 */
export function useInspectable(
  target: InspectableMap | undefined,
  width: number,
  height: number,
): HTMLAttributes<HTMLCanvasElement> {
  if (!target) return {};
  const pixelAt = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = Math.min(width - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * width)));
    const y = Math.min(
      height - 1,
      Math.max(0, Math.floor(((event.clientY - box.top) / box.height) * height)),
    );
    return { x, y };
  };
  return {
    onPointerMove: (event) => {
      if (store.getState().inspect?.pinned) return;
      setInspect({ ...target, ...pixelAt(event), pinned: false });
    },
    onPointerLeave: () => {
      if (!store.getState().inspect?.pinned) setInspect(null);
    },
    onClick: (event) => {
      const pinned = store.getState().inspect?.pinned ?? false;
      setInspect(pinned ? null : { ...target, ...pixelAt(event), pinned: true });
    },
  };
}
