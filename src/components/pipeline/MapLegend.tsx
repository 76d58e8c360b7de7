import { memo } from 'react';
import { HISTOGRAM_BINS } from '../../engine/index.ts';
import { useT } from '../../i18n/index.ts';
import { colormapCssGradient, colormapOf, colorScaleDomain, sampleColormap } from '../../render/index.ts';
import type { MapDisplay } from '../../store/index.ts';
import { formatValue } from './formatValue.ts';
import { useMapStats } from './useMapStats.ts';

interface Props {
  canvasKey: string;
  /** The map's name, e.g. "Feature map 1", for screen readers. */
  name: string;
  display: MapDisplay;
  histogram?: boolean;
}

/** Where value v falls on the colour scale from lo to hi, 0..1, as the renderers map it. */
function scalePosition(display: MapDisplay, v: number, lo: number, hi: number): number {
  const x = display === 'abs' ? Math.abs(v) : v;
  const t = (x - lo) / Math.max(hi - lo, 1e-6);
  return Math.min(1, Math.max(0, t));
}

function cssColour(display: MapDisplay, t: number): string {
  const [r, g, b] = sampleColormap(colormapOf(display), t).map((c) => Math.round(c * 255));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Where value v sits along the histogram (bins from min to max), in viewBox units; null outside it. */
function histogramX(v: number, min: number, max: number): number | null {
  if (!(v > min && v < max)) return null;
  return ((v - min) / (max - min)) * HISTOGRAM_BINS;
}

/**
 * Under a map: a histogram of the map's values, each bar in the colour its values are drawn in, with the
 * robust scale's clip points marked; the colour scale with the values at its ends (and 0 where it falls
 * inside); and the true min and max (with the robust scale's ±q), so clipping never hides the range.
 */
export const MapLegend = memo(function MapLegend({ canvasKey, name, display, histogram = true }: Props) {
  const t = useT();
  const stats = useMapStats(canvasKey);
  if (!stats) return <div className="map-legend pending" aria-hidden="true" />;
  const { lo, hi } = colorScaleDomain(display, stats);
  const zeroAt = lo < 0 && hi > 0 ? (-lo / (hi - lo)) * 100 : null;
  const peak = Math.max(...stats.histogram, 1e-9);
  const binWidth = (stats.max - stats.min) / HISTOGRAM_BINS;
  const robust = display === 'robust';
  const values = { min: formatValue(stats.min), max: formatValue(stats.max) };
  const q = formatValue(hi);
  const marks = robust
    ? [lo, hi].flatMap((v) => {
        const x = histogramX(v, stats.min, stats.max);
        return x === null ? [] : [x];
      })
    : [];
  return (
    <div className="map-legend">
      {histogram && (
        <svg
          className="histogram"
          viewBox={`0 0 ${HISTOGRAM_BINS} 10`}
          preserveAspectRatio="none"
          role="img"
          aria-label={t(robust ? 'legend.histogramClip' : 'legend.histogram', { name, ...values, q })}
        >
          {stats.histogram.map((fraction, i) => {
            // Square-root heights: one dominant value (the zeros of a dark background) leaves the rest visible.
            const h = fraction > 0 ? Math.max(0.5, Math.sqrt(fraction / peak) * 10) : 0;
            const centre = stats.min + (i + 0.5) * binWidth;
            return (
              <rect
                key={i}
                x={i + 0.06}
                y={10 - h}
                width={0.88}
                height={h}
                fill={cssColour(display, scalePosition(display, centre, lo, hi))}
                stroke="#8a8f98"
                strokeWidth={0.04}
              />
            );
          })}
          {marks.map((x) => (
            <line key={x} className="clip-mark" x1={x} x2={x} y1={0} y2={10} />
          ))}
        </svg>
      )}
      <div
        className="legend-bar"
        role="img"
        aria-label={t('legend.label', { name, lo: formatValue(lo), hi: formatValue(hi) })}
        style={{ backgroundImage: colormapCssGradient(colormapOf(display)) }}
      />
      <div className="legend-ticks" aria-hidden="true">
        <span>{formatValue(lo)}</span>
        {zeroAt !== null && (
          <span className="zero" style={{ left: `${zeroAt}%` }}>
            0
          </span>
        )}
        <span>{formatValue(hi)}</span>
      </div>
      <p className="legend-values">
        {robust && <span>{t('legend.clip', { q })}, </span>}
        <span>{t('legend.values', values)}</span>
      </p>
    </div>
  );
});
