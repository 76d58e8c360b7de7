/**
 * A small canvas showing an RGBA array already enlarged to its final pixels (trainImages.ts), drawn with
 * putImageData: plain bytes from the worker's messages, never tfjs data, so there is no GPU readback.
 */
import { memo, useEffect, useRef } from 'react';

interface Props {
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** Width and height of `rgba` in pixels. */
  width: number;
  height: number;
  /** The accessible name (the canvas is an image); none: decorative, hidden from screen readers. */
  label?: string;
  className?: string;
}

export const PixelCanvas = memo(function PixelCanvas({ rgba, width, height, label, className }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context || rgba.length !== width * height * 4) return;
    context.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [rgba, width, height]);
  return (
    <canvas
      ref={ref}
      className={className ? `pixel-canvas ${className}` : 'pixel-canvas'}
      width={width}
      height={height}
      role={label === undefined ? undefined : 'img'}
      aria-label={label}
      aria-hidden={label === undefined ? true : undefined}
    />
  );
});
