/**
 * Horizontal bars on a log scale (decades from 1), one per count, each with its name and its number
 * written in full. The SVG's viewBox follows the element's pixel width, so text stays its true size
 * from a phone up; its accessible name says every bar's number.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { logDomain, logTicks } from '../train/chartScale.ts';

export interface Bar {
  key: string;
  label: string;
  /** The number as written beside the bar (in full, with its ratio). */
  text: string;
  value: number;
  tone: 'conv' | 'dense' | 'notes';
}

const FALLBACK_WIDTH = 480;
const ROW = 46;
const BAR = 16;
const AXIS = 26;
const SIDE = 6;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10^k written as 10ᵏ: a log axis's ticks, the same in both languages. */
function decadeLabel(value: number): string {
  const k = Math.round(Math.log10(value));
  return `10${[...String(k)].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
}

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function DenseBars({ bars, ariaLabel }: { bars: readonly Bar[]; ariaLabel: string }) {
  const [ref, width] = useWidth();
  const most = Math.max(10, ...bars.map((b) => b.value));
  const [, hi] = logDomain(1, most);
  const span = Math.log10(hi);
  const plot = width - 2 * SIDE;
  const x = (v: number) => SIDE + (Math.log10(Math.max(1, v)) / span) * plot;
  const height = bars.length * ROW + AXIS;
  const ticks = logTicks(1, hi).filter((t) => Number.isInteger(Math.log10(t)));
  return (
    <div className="dense-bars" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={ariaLabel}>
        <g className="dense-bars-grid" aria-hidden="true">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={0} y2={height - AXIS + 4} />
              <text
                x={x(t)}
                y={height - 8}
                textAnchor={t === 1 ? 'start' : x(t) > width - 20 ? 'end' : 'middle'}
              >
                {decadeLabel(t)}
              </text>
            </g>
          ))}
        </g>
        {bars.map((bar, i) => {
          const top = i * ROW;
          return (
            <g key={bar.key} className={`dense-bar dense-bar-${bar.tone}`} aria-hidden="true">
              <text className="dense-bar-label" x={SIDE} y={top + 13}>
                {bar.label}
              </text>
              <text className="dense-bar-value" x={width - SIDE} y={top + 13} textAnchor="end">
                {bar.text}
              </text>
              <rect x={SIDE} y={top + 19} width={Math.max(2, x(bar.value) - SIDE)} height={BAR} rx={2} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
