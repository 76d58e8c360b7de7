/**
 * The first layer's filters as small multiples, redrawn as training changes them: each filter a kh x kw
 * grid of SVG squares (crisp at any size, each with its value on hover), on one diverging scale shared
 * by all tiles (blue < 0 < red, symmetric about 0), so filters can be compared with each other.
 */
import { memo, useMemo } from 'react';
import { useT } from '../../i18n/index.ts';
import type { FilterStack } from '../../training/types.ts';
import { colormapCssGradient } from '../../render/colormap.ts';
import { divergingColour, formatNumber, maxAbs } from './chartScale.ts';
import { extent, mapOf } from './trainImages.ts';
import './trainResults.css';

interface Props {
  filters: FilterStack | null;
}

/** Side of a tile in CSS pixels: a 3 x 3 filter gets 20 px squares, a 7 x 7 one about 9. */
const TILE = 64;

export const FilterGrid = memo(function FilterGrid({ filters }: Props) {
  const t = useT();
  const tiles = useMemo(() => {
    if (!filters) return [];
    const limit = maxAbs(filters.values);
    return Array.from({ length: filters.count }, (_, k) => {
      const values = mapOf(filters, k);
      const [min, max] = extent(values);
      const cells = Array.from(values, (v) => {
        const [r, g, b] = divergingColour(v, limit);
        return { v, fill: `rgb(${r}, ${g}, ${b})` };
      });
      return { k, cells, min, max };
    });
  }, [filters]);
  const limit = filters ? maxAbs(filters.values) : 0;

  return (
    <section className="filter-grid">
      <h3>{t('filters.heading')}</h3>
      {!filters && <p className="train-views-note">{t('filters.waiting')}</p>}
      {filters && (
        <>
          <ul className="filter-tiles">
            {tiles.map(({ k, cells, min, max }) => {
              const { width: kw, height: kh } = filters;
              const side = TILE / Math.max(kw, kh);
              const name = t('filters.filter', { n: k + 1 });
              return (
                <li key={k} className="filter-tile">
                  <svg
                    viewBox={`0 0 ${kw * side} ${kh * side}`}
                    width={kw * side}
                    height={kh * side}
                    role="img"
                    aria-label={t('filters.tile', {
                      n: k + 1,
                      kh,
                      kw,
                      min: formatNumber(min),
                      max: formatNumber(max),
                    })}
                    shapeRendering="crispEdges"
                  >
                    {cells.map(({ v, fill }, i) => (
                      <rect
                        key={i}
                        x={(i % kw) * side}
                        y={Math.floor(i / kw) * side}
                        width={side}
                        height={side}
                        fill={fill}
                      >
                        <title>
                          {t('filters.cellTitle', {
                            row: Math.floor(i / kw) + 1,
                            col: (i % kw) + 1,
                            value: formatNumber(v),
                          })}
                        </title>
                      </rect>
                    ))}
                  </svg>
                  <span className="filter-tile-name">{name}</span>
                </li>
              );
            })}
          </ul>
          <div className="filter-scale">
            <span>{formatNumber(-limit)}</span>
            <span
              className="filter-scale-bar"
              style={{ background: colormapCssGradient('diverging') }}
              aria-hidden="true"
            />
            <span>{formatNumber(limit)}</span>
            <span className="train-views-note">{t('filters.scale', { limit: formatNumber(limit) })}</span>
          </div>
        </>
      )}
    </section>
  );
});
