import { useEffect, useState } from 'react';
import { engine, onFrameDrawn, type InputValues } from '../../engine/index.ts';
import { layerOf, useStore } from '../../store/index.ts';

/**
 * Layer `layer`'s input values on the CPU while `active` (something is inspected): `engine.readInput`,
 * the image's channels for layer 0 (read back once per image and channel mode, cached), the maps fed in
 * for a deeper layer. Asked again after each redraw, which costs nothing once cached, so a new image,
 * channel mode or upstream edit is picked up whatever the order of events. Null until they arrive (or
 * while the engine cannot give them yet): values of another layer are never returned.
 */
export function useInputValues(active: boolean, layer = 0): InputValues | null {
  const [read, setRead] = useState<{ layer: number; values: InputValues } | null>(null);
  const image = useStore((s) => s.image);
  const gray = useStore((s) => layerOf(s, 0).channels === 'gray');
  useEffect(() => {
    if (!active) return;
    let live = true;
    const request = () => {
      engine.readInput(layer)?.then(
        (values) => {
          if (live)
            setRead((current) =>
              current?.layer === layer && current.values === values ? current : { layer, values },
            );
        },
        () => {
          if (live) setRead(null);
        },
      );
    };
    request();
    const off = onFrameDrawn(request);
    return () => {
      live = false;
      off();
    };
  }, [active, layer, image, gray]);
  return read?.layer === layer ? read.values : null;
}
