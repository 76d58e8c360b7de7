import type { PoolExplanation } from '../../core/explainPool.ts';
import type { Translate } from '../../i18n/index.ts';
import type { FedInput } from './fedInput.ts';
import { formatNumber, oneBased, rectText, rowText } from './format.ts';
import { Grid } from './Grid.tsx';

/** Pool windows up to this many cells a side are drawn as a grid. */
const MAX_SIDE_SHOWN_CELLS = 12;
/** An average of more terms than this is written with an ellipsis. */
const MAX_TERMS_WRITTEN = 16;

interface Props {
  e: PoolExplanation;
  t: Translate;
  /** The feature map's name, e.g. "Feature map 1" ("Layer 2 feature map 1" deeper). */
  mapName: string;
  /** What a deeper layer reads (its C input maps); null for layer 1, which reads the image. */
  fed: FedInput | null;
}

/** The window's values as written in a formula, with an ellipsis when there are many. */
function writtenValues(e: PoolExplanation): string[] {
  const values = e.cells.map((c) => formatNumber(c.value));
  if (values.length <= MAX_TERMS_WRITTEN) return values;
  return [...values.slice(0, MAX_TERMS_WRITTEN - 2), '…', values[values.length - 1] as string];
}

/** "max(a, b, c, d) = " */
function maxExpression(e: PoolExplanation): string {
  return `max(${writtenValues(e).join(', ')}) = `;
}

/** "(a + b − c + d) / 4 = " */
function averageExpression(e: PoolExplanation): string {
  const sum = writtenValues(e)
    .map((v, i) => (i === 0 ? v : v.startsWith('−') ? `− ${v.slice(1)}` : `+ ${v}`))
    .join(' ');
  return `(${sum}) / ${e.count} = `;
}

/** A max- or average-pooling pixel: its window over the feature map, the winner, what was averaged. */
export function PoolDetails({ e, t, mapName, fed }: Props) {
  const w = e.window;
  const rf = e.receptiveField;
  const inside = e.cells;
  const first = inside[0];
  const last = inside[inside.length - 1];
  const winner = inside[e.winner];
  const isMax = e.stage === 'maxPool';
  const cellAt = (r: number, c: number) => {
    const y = w.top + r;
    const x = w.left + c;
    const index = inside.findIndex((cell) => cell.y === y && cell.x === x);
    const cell = inside[index];
    if (!cell) return { text: '—', tag: t('inspect.pad'), kind: 'pad' as const };
    const won = isMax && index === e.winner;
    return {
      text: formatNumber(cell.value),
      title: `${mapName} (${oneBased(y)}, ${oneBased(x)})`,
      ...(won ? { tag: t('inspect.winner'), kind: 'winner' as const } : {}),
    };
  };
  return (
    <div className="ins-details">
      {first && last && (
        <p className="ins-line">
          {t('inspect.poolWindow', {
            map: mapName,
            top: rowText(first.y),
            bottom: rowText(last.y),
            left: rowText(first.x),
            right: rowText(last.x),
          })}
          {e.paddedCells > 0 && (
            <>
              {' — '}
              <span className="ins-pad-note">{t('inspect.poolPadded', { n: e.paddedCells })}</span>
            </>
          )}
        </p>
      )}
      <p className="ins-line">{t(fed ? 'inspect.fieldPoolMaps' : 'inspect.fieldPool', rectText(rf))}</p>
      {fed?.imageWindow && <p className="ins-line">{t('inspect.fieldImage', rectText(fed.imageWindow))}</p>}
      {w.height <= MAX_SIDE_SHOWN_CELLS && w.width <= MAX_SIDE_SHOWN_CELLS && (
        <div className="ins-terms">
          <div className="ins-term">
            <Grid caption={t('inspect.poolCells')} rows={w.height} cols={w.width} cell={cellAt} />
          </div>
        </div>
      )}
      <p className="ins-equation">
        {isMax && winner ? (
          <>
            <span className="ins-step">
              {maxExpression(e)}
              <b>{formatNumber(e.max)}</b>
            </span>
            <span className="ins-step">
              {t('inspect.maxAt', { row: oneBased(winner.y), col: oneBased(winner.x), map: mapName })}
            </span>
          </>
        ) : (
          <span className="ins-step">
            {t('inspect.averageOf', { n: e.count })}: {averageExpression(e)}
            <b>{formatNumber(e.average)}</b>
          </span>
        )}
      </p>
    </div>
  );
}
