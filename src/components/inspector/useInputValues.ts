import { useEffect, useState } from 'react';
import { engine, onFrameDrawn, type InputValues } from '../../engine/index.ts';
import { layerOf, useStore } from '../../store/index.ts';

/**
 * The layer input's values on the CPU while `active` (something is inspected): `engine.readInput()`, which
 * reads back once per image and channel mode and caches. Asked again after each redraw, which costs
 * nothing once cached, so a new image or channel mode is picked up whatever the order of events.
 */
export function useInputValues(active: boolean): InputValues | null {
  const [values, setValues] = useState<InputValues | null>(null);
  const image = useStore((s) => s.image);
  const gray = useStore((s) => layerOf(s, 0).channels === 'gray');
  useEffect(() => {
    if (!active) return;
    let live = true;
    const request = () => {
      engine.readInput()?.then(
        (next) => {
          if (live) setValues((current) => (current === next ? current : next));
        },
        () => {
          if (live) setValues(null);
        },
      );
    };
    request();
    const off = onFrameDrawn(request);
    return () => {
      live = false;
      off();
    };
  }, [active, image, gray]);
  return values;
}
