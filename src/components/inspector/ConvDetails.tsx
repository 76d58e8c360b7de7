import { useState } from 'react';
import { activateValue } from '../../core/activateValue.ts';
import type { ChannelTerm, ConvExplanation, Tap } from '../../core/explainConv.ts';
import type { LayerOutput } from '../../core/index.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { MAX_SIDE } from '../../kernels/ops.ts';
import { formatNumber, oneBased, rectText, rowText, signedTerm } from './format.ts';
import { CHANNEL_NAMES } from '../kernel/KernelGrid.tsx';
import type { FedInput } from './fedInput.ts';
import { Grid, type GridCell } from './Grid.tsx';
import { MapSums } from './MapSums.tsx';

/**
 * Kernels up to the kernel editor's largest (11 × 11 taps) are shown tap by tap: written out cell by cell
 * here, and each tap marked over the input (ReceptiveField.tsx) when dilated.
 */
export const MAX_TAPS_SHOWN = MAX_SIDE * MAX_SIDE;

/** The sums over the input maps are written out term by term up to this many maps. */
const MAX_SUMS_WRITTEN = 8;

interface Props {
  e: ConvExplanation;
  t: Translate;
  /** What a deeper layer reads (its C input maps); null for layer 1, which reads the image. */
  fed: FedInput | null;
}

/** How one term's input is named: "" (gray), R/G/B, or a deeper layer's "Input map c". */
interface TermNames {
  /** Caption of the input grid and the name in each tap's title. */
  input: string;
  /** After "Weights"/"Products" when there are several terms ("R", "(Input map 3)"), else "". */
  suffix: string;
  /** An RGB channel's name for its "Σ R = …" line; "" otherwise (a deeper layer lists its map sums). */
  channel: string;
}

function termNames(e: ConvExplanation, term: ChannelTerm, fed: FedInput | null, t: Translate): TermNames {
  if (fed) {
    const input = t('inspect.inputMap', { c: term.channel + 1 });
    return { input, suffix: e.terms.length > 1 ? ` (${input})` : '', channel: '' };
  }
  const name = e.channels === 'gray' ? '' : (CHANNEL_NAMES[term.channel] ?? '');
  const input = name ? t('inspect.inputChannel', { channel: name }) : t('inspect.input');
  return { input, suffix: name ? ` ${name}` : '', channel: name };
}

function tapTitle(tap: Tap, input: string, t: Translate): string {
  const where = `${input} (${rowText(tap.y)}, ${rowText(tap.x)})`;
  if (!tap.padded) return where;
  if (!tap.source) return `${where}: ${t('inspect.pad')} = 0`;
  return `${where}: ${t('inspect.pad')} = (${oneBased(tap.source.y)}, ${oneBased(tap.source.x)})`;
}

/** One channel's window, weights and products, side by side. */
function TermGrids({
  e,
  term,
  names,
  t,
}: {
  e: ConvExplanation;
  term: ChannelTerm;
  names: TermNames;
  t: Translate;
}) {
  const [kh, kw] = e.kernel;
  const { input, suffix, channel: name } = names;
  const tapAt = (r: number, c: number) => term.taps[r * kw + c] as Tap;
  const padTag = (tap: Tap): Partial<GridCell> => (tap.padded ? { tag: t('inspect.pad'), kind: 'pad' } : {});
  return (
    <div className="ins-term">
      <Grid
        caption={input}
        rows={kh}
        cols={kw}
        cell={(r, c) => {
          const tap = tapAt(r, c);
          return { text: formatNumber(tap.value), title: tapTitle(tap, input, t), ...padTag(tap) };
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

/** The result a layer feeds the next on, inside a sentence. */
const FED_NAME: Record<LayerOutput, MessageKey> = {
  maxpool: 'inspect.fed.maxpool',
  avgpool: 'inspect.fed.avgpool',
  conv: 'inspect.fed.conv',
};

/** What the filter is applied to: "Filter 2 over the gray input", "… over 8 input maps from layer 1's max pooling". */
function filterLine(e: ConvExplanation, fed: FedInput | null, t: Translate): string {
  const f = e.filter + 1;
  const [kh, kw] = e.kernel;
  if (fed) {
    const result = t(FED_NAME[fed.output]);
    const c = e.terms.length;
    const line =
      c === 1
        ? t('inspect.filterDeepOne', { f, kh, kw, from: fed.from, result })
        : t('inspect.filterDeep', { f, kh, kw, c, from: fed.from, result });
    return e.sameKernel && c > 1 ? `${line}; ${t('inspect.sameKernel', { kh, kw })}` : line;
  }
  if (e.channels === 'gray') return t('inspect.filterGray', { f });
  if (e.channel === null) return t('inspect.filterRgb', { f, kh, kw });
  return t('inspect.filterChannel', { f, channel: CHANNEL_NAMES[e.channel] ?? '' });
}

/** "Σ = a + b − c = s" for a few terms, "Σ of the 16 map sums = s" for many. */
function sumStep(e: ConvExplanation, t: Translate) {
  const sums = e.terms.map((term) => term.sum);
  if (sums.length <= 1)
    return (
      <>
        Σ = <b>{formatNumber(e.sum)}</b>
      </>
    );
  if (sums.length > MAX_SUMS_WRITTEN) {
    return (
      <>
        {t('inspect.sumOfMaps', { c: sums.length })} = <b>{formatNumber(e.sum)}</b>
      </>
    );
  }
  return (
    <>
      Σ = {formatNumber(sums[0] as number)} {sums.slice(1).map(signedTerm).join(' ')} ={' '}
      <b>{formatNumber(e.sum)}</b>
    </>
  );
}

/**
 * A feature-map (or pre-activation) pixel of any layer: which filter on which input, its taps, and the
 * arithmetic. A deeper layer's pixel is a sum over its C input maps: their partial sums listed (MapSums),
 * one map's taps on demand, then total + bias → activation.
 */
export function ConvDetails({ e, t, fed }: Props) {
  const [kh, kw] = e.kernel;
  const [picked, setPicked] = useState<number | null>(null);
  // Padded cells of the window, counted once (the same cells are padding in every channel).
  const total = kh * kw;
  const paddedCells = e.paddedTaps / e.terms.length;
  const notes = [
    e.flip ? t('inspect.flipped') : null,
    e.dilation[0] > 1 || e.dilation[1] > 1
      ? t('inspect.dilated', { dy: e.dilation[0], dx: e.dilation[1] })
      : null,
  ].filter(Boolean);
  const activated = activateValue(e.activation, e.preActivation);
  // A deeper layer with several maps lists their sums; the taps of the picked one are drawn.
  const listed = fed !== null && e.terms.length > 1;
  const shown = listed ? e.terms.filter((term) => term.channel === picked) : e.terms;
  return (
    <div className="ins-details">
      <p className="ins-line">
        {filterLine(e, fed, t)}
        {notes.length > 0 && `; ${notes.join('; ')}`}
      </p>
      <p className="ins-line">
        {t(fed ? 'inspect.fieldMaps' : 'inspect.field', rectText(e.window))}
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
      {fed?.imageWindow && <p className="ins-line">{t('inspect.fieldImage', rectText(fed.imageWindow))}</p>}
      {listed && <MapSums terms={e.terms} picked={picked} onPick={setPicked} t={t} />}
      {kh * kw <= MAX_TAPS_SHOWN ? (
        shown.length > 0 && (
          <div className="ins-terms">
            {shown.map((term) => (
              <TermGrids key={term.channel} e={e} term={term} names={termNames(e, term, fed, t)} t={t} />
            ))}
          </div>
        )
      ) : (
        <p className="ins-line hint">{t('inspect.tooLarge', { kh, kw })}</p>
      )}
      <p className="ins-equation">
        <span className="ins-step">{sumStep(e, t)}</span>
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
