import { memo, useEffect, useRef } from 'react';
import type { Weights } from '../../core/index.ts';
// The compact cell format: a learned 0.0027 shows as .0027, not 0 (nor -0).
import { formatCell } from '../../kernels/format.ts';

interface Props {
  weights: Weights;
  label: string;
}

const CELL_PX = 40;

/** A weight's colour on the diverging scale: blue below 0, white at 0, red above, scaled by `maxAbs`. */
export function weightColour(value: number, maxAbs: number): string {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  const fade = (c: number) => Math.round(255 - (255 - c) * Math.abs(t));
  return t >= 0
    ? `rgb(${fade(214)}, ${fade(64)}, ${fade(48)})`
    : `rgb(${fade(40)}, ${fade(96)}, ${fade(200)})`;
}

/** Draws a filter's weights as a colour grid with the values written in (a 3-D filter: its mean slice). */
export const FilterCanvas = memo(function FilterCanvas({ weights, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const rows = weights.length;
    const cols = weights[0]?.length ?? 0;
    const values = weights.map((row) =>
      (row as Array<number | number[]>).map((cell) =>
        Array.isArray(cell) ? cell.reduce((a, b) => a + b, 0) / cell.length : cell,
      ),
    );
    const maxAbs = Math.max(0, ...values.flat().map(Math.abs));
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = cols * CELL_PX * dpr;
    canvas.height = rows * CELL_PX * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const size = cols > 5 ? 10 : 13;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        ctx.fillStyle = weightColour(value, maxAbs);
        ctx.fillRect(c * CELL_PX, r * CELL_PX, CELL_PX, CELL_PX);
        ctx.strokeStyle = 'rgba(0,0,0,0.15)';
        ctx.strokeRect(c * CELL_PX + 0.5, r * CELL_PX + 0.5, CELL_PX - 1, CELL_PX - 1);
        ctx.fillStyle = Math.abs(value) > 0.6 * maxAbs ? '#fff' : '#111';
        const text = formatCell(value, true);
        // A long value (a learned -.0028) is written smaller rather than over its neighbour.
        ctx.font = `${size}px system-ui, sans-serif`;
        const fit = Math.min(1, (CELL_PX - 4) / ctx.measureText(text).width);
        ctx.font = `${Math.floor(size * fit)}px system-ui, sans-serif`;
        ctx.fillText(text, c * CELL_PX + CELL_PX / 2, r * CELL_PX + CELL_PX / 2);
      }),
    );
  }, [weights]);
  return <canvas ref={ref} className="filter-canvas" role="img" aria-label={label} />;
});
