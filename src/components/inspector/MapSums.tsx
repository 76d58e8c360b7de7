import type { ChannelTerm } from '../../core/explainConv.ts';
import type { Translate } from '../../i18n/index.ts';
import { formatNumber } from './format.ts';

interface Props {
  terms: readonly ChannelTerm[];
  /** The input map whose taps are shown (0-based), or null. */
  picked: number | null;
  onPick: (map: number | null) => void;
  t: Translate;
}

/**
 * A deeper layer's pixel as a sum over its C input maps (up to 64): one compact button per map with its
 * partial sum and a bar for its share (longest = largest |sum|; blue negative, red positive, as the maps'
 * colour scale), so the maps that drive the value stand out. Pressing one shows its taps below.
 */
export function MapSums({ terms, picked, onPick, t }: Props) {
  const largest = Math.max(...terms.map((term) => Math.abs(term.sum)), 0);
  return (
    <div className="ins-map-sums">
      <p className="ins-line">{t('inspect.mapSums')}</p>
      <ul>
        {terms.map((term) => {
          const share = largest > 0 ? Math.abs(term.sum) / largest : 0;
          const on = picked === term.channel;
          return (
            <li key={term.channel}>
              <button
                type="button"
                aria-pressed={on}
                aria-label={t('inspect.mapSum', { c: term.channel + 1, value: formatNumber(term.sum) })}
                onClick={() => onPick(on ? null : term.channel)}
              >
                <span className="ins-map-no">{term.channel + 1}</span>
                <span className="ins-map-value">{formatNumber(term.sum)}</span>
                <span
                  className={term.sum < 0 ? 'ins-map-bar negative' : 'ins-map-bar'}
                  style={{ width: `${share * 100}%` }}
                  aria-hidden="true"
                />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
