import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { CellRect } from '../../core/cellWindows.ts';
import type { CellPaint, Span } from './windowView.ts';

/** SVG units per cell; the picture is scaled to the page width. */
const U = 10;
/** Numbers are written in cells at least this many CSS pixels wide. */
const MIN_TEXT_PX = 18;

export interface GridCellView {
  paint: CellPaint | null;
  text: string;
  /** In the padding: hatched as in the padding view. */
  padded?: boolean;
}

interface Props {
  rows: Span;
  cols: Span;
  cell: (y: number, x: number) => GridCellView;
  /** The window (or the written cell) outlined, in the grid's coordinates. */
  frame: CellRect | null;
  /** Cells marked inside the frame (a dilated kernel's taps). */
  taps?: readonly { y: number; x: number }[];
  /** The outline of the image inside a padded grid. */
  inner?: CellRect;
  label: string;
  className?: string;
  children?: ReactNode;
}

/** Width in CSS pixels of an element, followed as the layout changes. */
function useWidth(ref: React.RefObject<Element | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * A grid of cells drawn as SVG: each cell's colour and (when the cells are big enough to read) its
 * number, padded cells hatched, the window outlined with its taps, the image's edge outlined.
 */
export function CellGrid({ rows, cols, cell, frame, taps, inner, label, className, children }: Props) {
  const hatch = useId();
  const ref = useRef<SVGSVGElement>(null);
  const width = useWidth(ref);
  const writeNumbers = width / cols.count >= MIN_TEXT_PX;
  const at = (y: number, x: number) => ({ x: (x - cols.start) * U, y: (y - rows.start) * U });
  const rect = (r: CellRect) => ({ ...at(r.top, r.left), width: r.width * U, height: r.height * U });
  const cells: ReactNode[] = [];
  for (let y = rows.start; y < rows.start + rows.count; y++) {
    for (let x = cols.start; x < cols.start + cols.count; x++) {
      const c = cell(y, x);
      const p = at(y, x);
      cells.push(
        <g key={`${y},${x}`}>
          <rect
            x={p.x}
            y={p.y}
            width={U}
            height={U}
            fill={c.paint?.fill ?? 'transparent'}
            className="sw-cell"
          />
          {c.padded && <rect x={p.x} y={p.y} width={U} height={U} fill={`url(#${hatch})`} />}
          {writeNumbers && c.text && (
            <text
              x={p.x + U / 2}
              y={p.y + U / 2}
              fill={c.paint?.ink ?? '#1b1f24'}
              fontSize={c.text.length > 4 ? 2.6 : c.text.length > 3 ? 3.2 : 4}
              textAnchor="middle"
              dominantBaseline="central"
            >
              {c.text}
            </text>
          )}
        </g>,
      );
    }
  }
  return (
    <svg
      ref={ref}
      className={className ? `sw-grid ${className}` : 'sw-grid'}
      viewBox={`0 0 ${cols.count * U} ${rows.count * U}`}
      style={{ aspectRatio: `${cols.count} / ${rows.count}` }}
      role="img"
      aria-label={label}
    >
      <defs>
        <pattern id={hatch} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="3" height="3" fill="rgb(214 64 48 / 0.1)" />
          <line x1="0" y1="0" x2="0" y2="3" stroke="rgb(214 64 48 / 0.45)" strokeWidth="0.9" />
        </pattern>
      </defs>
      {cells}
      {inner && <rect {...rect(inner)} className="sw-inner" />}
      {taps?.map((tap) => {
        const p = at(tap.y, tap.x);
        return (
          <rect
            key={`${tap.y},${tap.x}`}
            x={p.x + 1}
            y={p.y + 1}
            width={U - 2}
            height={U - 2}
            className="sw-tap"
          />
        );
      })}
      {frame && <rect {...rect(frame)} className="sw-frame" />}
      {children}
    </svg>
  );
}
