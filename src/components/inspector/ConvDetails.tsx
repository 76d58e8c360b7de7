import { activateValue } from '../../core/activateValue.ts';
import type { ChannelTerm, ConvExplanation, Tap } from '../../core/explainConv.ts';
import type { Translate } from '../../i18n/index.ts';
import { MAX_SIDE } from '../../kernels/ops.ts';
import { formatNumber, oneBased, rowText, signedTerm } from './format.ts';
import { CHANNEL_NAMES } from '../kernel/KernelGrid.tsx';
import { Grid, type GridCell } from './Grid.tsx';

/**
 * Kernels up to the kernel editor's largest (11 × 11 taps) are shown tap by tap: written out cell by cell
 * here, and each tap marked over the input (ReceptiveField.tsx) when dilated.
 */
export const MAX_TAPS_SHOWN = MAX_SIDE * MAX_SIDE;

interface Props {
  e: ConvExplanation;
  t: Translate;
}

function channelName(e: ConvExplanation, term: ChannelTerm): string {
  return e.channels === 'gray' ? '' : (CHANNEL_NAMES[term.channel] ?? '');
}

function tapTitle(tap: Tap, t: Translate): string {
  const where = `${t('inspect.input')} (${rowText(tap.y)}, ${rowText(tap.x)})`;
  if (!tap.padded) return where;
  if (!tap.source) return `${where}: ${t('inspect.pad')} = 0`;
  return `${where}: ${t('inspect.pad')} = (${oneBased(tap.source.y)}, ${oneBased(tap.source.x)})`;
}

/** One channel's window, weights and products, side by side. */
function TermGrids({ e, term, t }: { e: ConvExplanation; term: ChannelTerm; t: Translate }) {
  const [kh, kw] = e.kernel;
  const name = channelName(e, term);
  const suffix = name ? ` ${name}` : '';
  const tapAt = (r: number, c: number) => term.taps[r * kw + c] as Tap;
  const padTag = (tap: Tap): Partial<GridCell> => (tap.padded ? { tag: t('inspect.pad'), kind: 'pad' } : {});
  return (
    <div className="ins-term">
      <Grid
        caption={name ? t('inspect.inputChannel', { channel: name }) : t('inspect.input')}
        rows={kh}
        cols={kw}
        cell={(r, c) => {
          const tap = tapAt(r, c);
          return { text: formatNumber(tap.value), title: tapTitle(tap, t), ...padTag(tap) };
        }}
      />
      <span className="ins-op" aria-hidden="true">
        ×
      </span>
      <Grid
        caption={`${t('inspect.weights')}${suffix}`}
        rows={kh}
        cols={kw}
        cell={(r, c) => ({ text: formatNumber(tapAt(r, c).weight) })}
        className="weights"
      />
      <span className="ins-op" aria-hidden="true">
        =
      </span>
      <Grid
        caption={`${t('inspect.products')}${suffix}`}
        rows={kh}
        cols={kw}
        cell={(r, c) => {
          const tap = tapAt(r, c);
          return { text: formatNumber(tap.product), ...padTag(tap) };
        }}
      />
      {name && e.terms.length > 1 && (
        <p className="ins-channel-sum">
          {t('inspect.channelSum', { channel: name, value: formatNumber(term.sum) })}
        </p>
      )}
    </div>
  );
}

/** A feature-map (or pre-activation) pixel: which filter on which input, its taps, and the arithmetic. */
export function ConvDetails({ e, t }: Props) {
  const [kh, kw] = e.kernel;
  // Padded cells of the window, counted once (the same cells are padding in every channel).
  const total = kh * kw;
  const paddedCells = e.paddedTaps / e.terms.length;
  const f = e.filter + 1;
  const filterLine =
    e.channels === 'gray'
      ? t('inspect.filterGray', { f })
      : e.channel === null
        ? t('inspect.filterRgb', { f, kh, kw })
        : t('inspect.filterChannel', { f, channel: CHANNEL_NAMES[e.channel] ?? '' });
  const notes = [
    e.flip ? t('inspect.flipped') : null,
    e.dilation[0] > 1 || e.dilation[1] > 1
      ? t('inspect.dilated', { dy: e.dilation[0], dx: e.dilation[1] })
      : null,
  ].filter(Boolean);
  const w = e.window;
  const activated = activateValue(e.activation, e.preActivation);
  const sums = e.terms.length > 1 ? e.terms.map((term) => term.sum) : null;
  return (
    <div className="ins-details">
      <p className="ins-line">
        {filterLine}
        {notes.length > 0 && `; ${notes.join('; ')}`}
      </p>
      <p className="ins-line">
        {t('inspect.field', {
          top: rowText(w.top),
          bottom: rowText(w.top + w.height - 1),
          left: rowText(w.left),
          right: rowText(w.left + w.width - 1),
        })}
        {paddedCells > 0 && (
          <>
            {' — '}
            <span className="ins-pad-note">
              {t('inspect.padded', {
                n: paddedCells,
                total,
                mode: t(`inspect.padMode.${e.padMode}`),
              })}
            </span>
          </>
        )}
      </p>
      {kh * kw <= MAX_TAPS_SHOWN ? (
        <div className="ins-terms">
          {e.terms.map((term) => (
            <TermGrids key={term.channel} e={e} term={term} t={t} />
          ))}
        </div>
      ) : (
        <p className="ins-line hint">{t('inspect.tooLarge', { kh, kw })}</p>
      )}
      <p className="ins-equation">
        <span className="ins-step">
          Σ ={' '}
          {sums && (
            <>
              {formatNumber(sums[0] as number)} {sums.slice(1).map(signedTerm).join(' ')} ={' '}
            </>
          )}
          <b>{formatNumber(e.sum)}</b>
        </span>
        <span className="ins-step">
          + {t('inspect.bias')} {formatNumber(e.bias)} = <b>{formatNumber(e.preActivation)}</b>
        </span>
        <span className="ins-step">
          {t(`inspect.activation.${e.activation}`)} → <b>{formatNumber(activated)}</b>
        </span>
      </p>
    </div>
  );
}
