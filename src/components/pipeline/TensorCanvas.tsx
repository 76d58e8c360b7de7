import { memo, useEffect, useRef } from 'react';
import { engine } from '../../engine/index.ts';
import { useInspectable, type InspectableMap } from '../inspector/useInspectable.ts';

interface Props {
  /** Engine canvas key, e.g. 'input' or 'features-0'. */
  canvasKey: string;
  label: string;
  /** Tensor size, so the box has the right shape before the first draw. */
  width: number;
  height: number;
  /** Which map this canvas shows, to let the inspector probe its pixels. */
  inspect?: InspectableMap;
  /** Crisp pixels whatever the size (the focus view, where it is shown enlarged). */
  crisp?: boolean;
}

/**
 * Up to this width a map is usually shown larger than its size, so pixels stay crisp squares; a wider
 * one is shown smaller, where smooth scaling keeps one-pixel edges visible instead of dropping them.
 */
const MAX_CRISP_WIDTH = 320;

/** A canvas the engine draws a tensor into at tensor resolution; CSS scales it with crisp pixels. */
export const TensorCanvas = memo(function TensorCanvas({
  canvasKey,
  label,
  width,
  height,
  inspect,
  crisp,
}: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const inspectProps = useInspectable(inspect, width, height);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    engine.attachCanvas(canvasKey, canvas);
    return () => engine.detachCanvas(canvasKey, canvas);
  }, [canvasKey]);
  return (
    <canvas
      ref={ref}
      className={crisp || width <= MAX_CRISP_WIDTH ? 'tensor-canvas crisp' : 'tensor-canvas'}
      role="img"
      aria-label={label}
      style={{ aspectRatio: `${width} / ${height}` }}
      {...inspectProps}
    />
  );
});
