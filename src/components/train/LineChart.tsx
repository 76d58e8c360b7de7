/**
 * A small dependency-free SVG line chart: several series over one x axis, a linear or log y axis with
 * nice ticks (log: decades), a legend with each series' last value, and an accessible name that says
 * those values. Its viewBox follows the element's pixel width (ResizeObserver), so text and lines stay
 * at their true size from 320 px up. Long series are thinned to about 500 points before drawing, and the
 * geometry is memoised, so re-rendering many times a second during training stays cheap.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import {
  decimate,
  formatNumber,
  linearTicks,
  logDomain,
  logMinorTicks,
  logTicks,
  niceLinearDomain,
  type Point,
} from './chartScale.ts';
import './lineChart.css';

export interface ChartSeries {
  label: string;
  points: ReadonlyArray<readonly [number, number]>;
  dashed?: boolean;
  /** Draw a dot at every point (e.g. one per epoch). */
  dots?: boolean;
  /** Thin and pale, for the raw values under a smoothed line; left out of the legend's summary. */
  faint?: boolean;
  /** A CSS colour; by default the n-th of the chart palette (lineChart.css, --chart-1 ...). */
  colour?: string;
}

export interface LineChartProps {
  series: readonly ChartSeries[];
  yScale: 'linear' | 'log';
  xLabel: string;
  yLabel: string;
  yDomain?: readonly [number, number];
  /** Fixed x range (e.g. 0 to the number of epochs), else the data's, widened to nice ticks. */
  xDomain?: readonly [number, number];
  ariaLabel: string;
  /** Height in CSS pixels (default 200). */
  height?: number;
}

/** Points kept per series at most: more would not show at a chart's width anyway. */
const MOST_POINTS = 500;
const PALETTE_SIZE = 5;
const MARGIN = { top: 22, right: 12, bottom: 34, left: 46 };
const FALLBACK_WIDTH = 480;
/** Room around the plot that lines and dots may use: a dot on the last epoch is drawn whole. */
const DOT_ROOM = 6;

interface Drawn {
  d: string;
  dots: Point[];
  colour: string;
}

function seriesColour(s: ChartSeries, i: number): string {
  return s.colour ?? `var(--chart-${(i % PALETTE_SIZE) + 1})`;
}

/** The last finite point of a series (what the legend and the accessible name report). */
function lastPoint(points: ChartSeries['points']): readonly [number, number] | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (Number.isFinite(p[1])) return p;
  }
  return null;
}

/** The element's width in CSS pixels, following resizes; a guess until it is laid out. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.round(entries[0]?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export const LineChart = memo(function LineChart({
  series,
  yScale,
  xLabel,
  yLabel,
  yDomain,
  xDomain,
  ariaLabel,
  height = 200,
}: LineChartProps) {
  const clipId = useId();
  const [ref, width] = useWidth();
  // Compare the domains by value: callers often pass a new [0, 1] array on every render.
  const [yLo, yHi] = yDomain ?? [NaN, NaN];
  const [xLo, xHi] = xDomain ?? [NaN, NaN];

  const chart = useMemo(() => {
    const plotW = Math.max(40, width - MARGIN.left - MARGIN.right);
    const plotH = Math.max(40, height - MARGIN.top - MARGIN.bottom);
    const log = yScale === 'log';
    const thinned = series.map((s) => decimate(s.points, MOST_POINTS));

    let dataXLo = Infinity;
    let dataXHi = -Infinity;
    let dataYLo = Infinity;
    let dataYHi = -Infinity;
    for (const points of thinned) {
      for (const [x, y] of points) {
        if (!Number.isFinite(x) || !Number.isFinite(y) || (log && y <= 0)) continue;
        dataXLo = Math.min(dataXLo, x);
        dataXHi = Math.max(dataXHi, x);
        dataYLo = Math.min(dataYLo, y);
        dataYHi = Math.max(dataYHi, y);
      }
    }
    const hasY = Number.isFinite(yLo) && Number.isFinite(yHi);
    const [y0, y1] = hasY
      ? [yLo, yHi]
      : log
        ? logDomain(dataYLo, dataYHi)
        : niceLinearDomain(dataYLo, dataYHi, Math.max(2, Math.floor(plotH / 28)));
    const xCount = Math.max(2, Math.floor(plotW / 70));
    const [x0, x1] =
      Number.isFinite(xLo) && Number.isFinite(xHi)
        ? [xLo, xHi]
        : Number.isFinite(dataXLo)
          ? niceLinearDomain(dataXLo, dataXHi === dataXLo ? dataXLo + 1 : dataXHi, xCount)
          : [0, 1];

    const sx = (x: number) => MARGIN.left + ((x - x0) / (x1 - x0 || 1)) * plotW;
    const ly0 = log ? Math.log10(y0) : y0;
    const ly1 = log ? Math.log10(y1) : y1;
    const sy = (y: number) =>
      MARGIN.top + plotH - (((log ? Math.log10(y) : y) - ly0) / (ly1 - ly0 || 1)) * plotH;

    const drawn: Drawn[] = thinned.map((points, i) => {
      let d = '';
      let pen = false;
      const dots: Point[] = [];
      for (const [x, y] of points) {
        // A gap (NaN, or ≤ 0 on a log axis) lifts the pen instead of drawing a line to nowhere.
        if (!Number.isFinite(x) || !Number.isFinite(y) || (log && y <= 0)) {
          pen = false;
          continue;
        }
        const px = sx(x);
        const py = sy(y);
        d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
        pen = true;
        dots.push([px, py]);
      }
      return { d, dots: series[i]!.dots ? dots : [], colour: seriesColour(series[i]!, i) };
    });

    const yCount = Math.max(2, Math.floor(plotH / 28));
    const yTicks = log ? logTicks(y0, y1) : linearTicks(y0, y1, yCount);
    const yMinor = log ? logMinorTicks(y0, y1) : [];
    const xTicks = linearTicks(x0, x1, xCount);
    return {
      plotW,
      plotH,
      drawn,
      yTicks: yTicks.map((v) => ({ v, at: sy(v) })),
      yMinor: yMinor.map((v) => ({ v, at: Math.round(sy(v)) + 0.5 })),
      xTicks: xTicks.map((v) => ({ v, at: sx(v) })),
    };
  }, [series, yScale, width, height, yLo, yHi, xLo, xHi]);

  const lasts = useMemo(() => series.map((s) => lastPoint(s.points)), [series]);
  const summary = series
    .flatMap((s, i) => {
      const last = lasts[i];
      return s.faint || !last ? [] : [`${s.label} ${formatNumber(last[1])}`];
    })
    .join('; ');

  // Half-pixel offsets put 1 px grid lines on pixel centres, so they are drawn sharp.
  const left = MARGIN.left + 0.5;
  const bottom = MARGIN.top + chart.plotH + 0.5;
  return (
    <figure className="line-chart">
      <div ref={ref} className="line-chart-frame">
        <svg
          role="img"
          aria-label={summary ? `${ariaLabel}: ${summary}` : ariaLabel}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          height={height}
        >
          <defs>
            <clipPath id={clipId}>
              <rect
                x={MARGIN.left - DOT_ROOM}
                y={MARGIN.top - DOT_ROOM}
                width={chart.plotW + 2 * DOT_ROOM}
                height={chart.plotH + 2 * DOT_ROOM}
              />
            </clipPath>
          </defs>
          <text className="line-chart-axis-title" x={MARGIN.left} y={12}>
            {yLabel}
          </text>
          <g className="line-chart-grid" shapeRendering="crispEdges">
            {chart.yTicks.map(({ v, at }) => (
              <line
                key={v}
                x1={left}
                x2={left + chart.plotW}
                y1={Math.round(at) + 0.5}
                y2={Math.round(at) + 0.5}
              />
            ))}
            {chart.yMinor.map(({ v, at }) => (
              <line key={`minor-${v}`} className="minor" x1={left} x2={left + chart.plotW} y1={at} y2={at} />
            ))}
          </g>
          <g className="line-chart-ticks">
            {chart.yTicks.map(({ v, at }) => (
              <text key={v} x={MARGIN.left - 6} y={at} textAnchor="end" dominantBaseline="middle">
                {formatNumber(v)}
              </text>
            ))}
            {chart.xTicks.map(({ v, at }) => (
              <text key={v} x={at} y={bottom + 14} textAnchor="middle">
                {formatNumber(v)}
              </text>
            ))}
          </g>
          <g className="line-chart-axis" shapeRendering="crispEdges">
            <line x1={left} x2={left} y1={MARGIN.top} y2={bottom} />
            <line x1={left} x2={left + chart.plotW} y1={bottom} y2={bottom} />
            {chart.xTicks.map(({ v, at }) => (
              <line key={v} x1={Math.round(at) + 0.5} x2={Math.round(at) + 0.5} y1={bottom} y2={bottom + 4} />
            ))}
          </g>
          <text
            className="line-chart-axis-title"
            x={MARGIN.left + chart.plotW}
            y={height - 4}
            textAnchor="end"
          >
            {xLabel}
          </text>
          <g clipPath={`url(#${clipId})`}>
            {chart.drawn.map((drawn, i) => {
              const s = series[i]!;
              return (
                <g key={i} className={s.faint ? 'line-chart-series faint' : 'line-chart-series'}>
                  {drawn.d && (
                    <path
                      d={drawn.d}
                      style={{ stroke: drawn.colour }}
                      strokeDasharray={s.dashed ? '5 4' : undefined}
                    />
                  )}
                  {drawn.dots.map(([x, y], k) => (
                    <circle key={k} cx={x} cy={y} r={3} style={{ fill: drawn.colour }} />
                  ))}
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <figcaption className="line-chart-legend">
        <ul>
          {series.map((s, i) => {
            const last = lasts[i];
            const colour = seriesColour(s, i);
            return (
              <li key={i} className={s.faint ? 'faint' : undefined}>
                <svg
                  className="line-chart-swatch"
                  viewBox="0 0 22 10"
                  width="22"
                  height="10"
                  aria-hidden="true"
                >
                  <line
                    x1="1"
                    x2="21"
                    y1="5"
                    y2="5"
                    style={{ stroke: colour }}
                    strokeDasharray={s.dashed ? '4 3' : undefined}
                  />
                  {s.dots && <circle cx="11" cy="5" r="3" style={{ fill: colour }} />}
                </svg>
                <span>{s.label}</span>
                {last && <span className="line-chart-last">{formatNumber(last[1])}</span>}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
});
