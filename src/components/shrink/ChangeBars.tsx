import { DOWNSAMPLINGS, type Downsampling } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { barLengths, formatPercent, formatStat } from './changeStats.ts';
import type { WayOutcome } from './shrinkWays.ts';
import type { MeasuredChange } from './useChangeStats.ts';

export const SHORT_NAME: Record<Downsampling, MessageKey> = {
  stride: 'shrink.short.stride',
  maxPool: 'shrink.short.maxPool',
  avgPool: 'shrink.short.avgPool',
};

/** Bars shorter than this share of the map's mean |value| are not stretched to fill the track. */
const SCALE_FLOOR = 0.05;

interface Props {
  outcomes: readonly WayOutcome[];
  /** The numbers for what is shown now, or null while they are measured. */
  measured: MeasuredChange | null;
  /** `measureKey` of what is shown now; an older answer is shown faded until the new one comes. */
  current: string;
}

/**
 * The translation test's bars: one per way, their length the mean |Δ| as a share of the unmoved map's
 * mean |value|, on one scale, the numbers written beside. The bar is decoration; the text says it all.
 */
export function ChangeBars({ outcomes, measured, current }: Props) {
  const t = useT();
  const fresh = measured?.key === current;
  const shares = DOWNSAMPLINGS.map((way) => measured?.ways[way]?.relative ?? null);
  const lengths = barLengths(shares, SCALE_FLOOR);
  return (
    <figure className="shrink-bars" data-measured={fresh ? current : undefined} aria-busy={!fresh}>
      <figcaption className="shrink-bars-title">{t('shrink.bars')}</figcaption>
      <ul>
        {DOWNSAMPLINGS.map((way, i) => {
          const outcome = outcomes.find((o) => o.way === way);
          const stats = measured?.ways[way] ?? null;
          const length = lengths[i] ?? null;
          let text: string;
          if (outcome?.kind !== 'ok') text = t('shrink.noOutput');
          else if (!stats) text = t('shrink.measuring');
          else if (stats.relative === null)
            text = t('shrink.barTextZero', { change: formatStat(stats.meanChange) });
          else
            text = t('shrink.barText', {
              change: formatStat(stats.meanChange),
              percent: formatPercent(stats.relative),
              output: formatStat(stats.meanOutput),
            });
          return (
            <li key={way} data-way={way} className={fresh ? undefined : 'stale'}>
              <span className="shrink-bar-name">{t(SHORT_NAME[way])}</span>
              <span className="shrink-bar-track" aria-hidden="true">
                <span className="shrink-bar" style={{ width: `${100 * (length ?? 0)}%` }} />
              </span>
              <span className="shrink-bar-text">{text}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
