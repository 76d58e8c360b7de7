/**
 * The weights of one filter as a grid of cells, or, in an RGB layer, three grids side by side (the R, G and
 * B slices of a kh × kw × 3 filter); a deeper layer's kh × kw × C filter one slice at a time, chosen by
 * input map (C may be dozens). Keeps the typed drafts, explains invalid cells below the grid, moves
 * focus on arrow keys (across the slices as if they were one wide grid) and shows the sum of the weights.
 */
import { useCallback, useId, useRef, useState, type CSSProperties } from 'react';
import type { Weights } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { parseCellValue } from '../../kernels/cellValue.ts';
import { formatCell, formatSummary } from '../../kernels/format.ts';
import { cellAt, depthOf, is3D, sizeOf, slicesEqual, weightsSum } from '../../kernels/ops.ts';
import { editedSpec, setFilterCell, useStore } from '../../store/index.ts';
import { isDraftShown, KernelCell, type Draft } from './KernelCell.tsx';

export const CHANNEL_NAMES = ['R', 'G', 'B'] as const;

const EMPTY: Weights = [[0]];

/** Smaller text in wider grids, so an 11 × 11 grid fits the panel. */
function sizeClass(cols: number): string {
  if (cols <= 5) return 'kernel-grid size-s';
  if (cols <= 7) return 'kernel-grid size-m';
  return 'kernel-grid size-l';
}

export function KernelGrid({ filter }: { filter: number }) {
  const t = useT();
  const weights = useStore((s) => editedSpec(s).filters[filter]?.weights) ?? EMPTY;
  const inputMaps = useStore((s) => editedSpec(s).inputMaps);
  const rgb = useStore((s) => editedSpec(s).channels === 'rgb') && inputMaps === undefined;
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [chosenSlice, setSlice] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [kh, kw] = sizeOf(weights);
  const depth = depthOf(weights);
  /** A deeper layer's kh × kw × C filter: its slices are edited one input map at a time. */
  const deep3D = inputMaps !== undefined && is3D(weights);
  const slice = Math.min(chosenSlice, depth - 1);
  const channels = rgb ? [0, 1, 2] : deep3D ? [slice] : [null];
  const mixed3D = !rgb && inputMaps === undefined && depth > 1 && !slicesEqual(weights);
  const compact = kw >= 6 || (rgb && kw <= 3);

  const setDraft = useCallback((key: string, draft: Draft | null) => {
    setDrafts((all) => {
      if (!draft) {
        if (!(key in all)) return all;
        const rest = { ...all };
        delete rest[key];
        return rest;
      }
      return { ...all, [key]: draft };
    });
  }, []);

  const focusCell = (channel: number, row: number, col: number) => {
    const el = container.current?.querySelector<HTMLInputElement>(`[data-cell="${channel}-${row}-${col}"]`);
    el?.focus();
  };

  /** Arrow keys: the slices shown side by side move as one wide grid (`shown`: this one's place). */
  const move = (shown: number, row: number, col: number, dRow: number, dCol: number) => {
    const wide = channels.length * kw;
    const nextRow = Math.min(kh - 1, Math.max(0, row + dRow));
    const nextWide = Math.min(wide - 1, Math.max(0, shown * kw + col + dCol));
    focusCell(channels[Math.floor(nextWide / kw)] ?? 0, nextRow, nextWide % kw);
  };

  /** How a channel is named in the cells' labels and messages: R, G, B, or a deeper layer's input map. */
  const channelName = (ch: number) =>
    deep3D ? t('network.inputMapOption', { c: ch + 1 }) : (CHANNEL_NAMES[ch] ?? '');

  const errors: { id: string; text: string }[] = [];
  const slices = channels.map((channel, shown) => {
    const ch = channel ?? 0;
    const cells = [];
    for (let r = 0; r < kh; r++) {
      for (let c = 0; c < kw; c++) {
        const key = `${ch}-${r}-${c}`;
        const value = cellAt(weights, r, c, ch);
        const draft = drafts[key];
        const errorId = `${baseId}-err-${key}`;
        if (isDraftShown(draft, value) && parseCellValue(draft.text) === null) {
          errors.push({
            id: errorId,
            text: t('kernel.cellInvalidAt', {
              r: r + 1,
              c: c + 1,
              channel: channel === null ? '' : ` (${channelName(ch)})`,
              text: draft.text,
              value: formatCell(value),
            }),
          });
        }
        const at = { f: filter + 1, r: r + 1, c: c + 1 };
        const label =
          channel === null
            ? t('kernel.cell', at)
            : deep3D
              ? t('network.cell', { ...at, k: ch + 1 })
              : t('kernel.cellChannel', { ...at, k: CHANNEL_NAMES[ch] ?? '' });
        cells.push(
          <KernelCell
            key={key}
            coords={key}
            label={label}
            value={value}
            compact={compact}
            draft={draft}
            errorId={errorId}
            onText={(text) => {
              // Only what the text means now counts: an invalid text puts back the weight from before.
              const origin = isDraftShown(draft, value) ? draft.origin : value;
              const target = parseCellValue(text) ?? origin;
              const applied = target !== value && setFilterCell(filter, r, c, target, channel ?? undefined);
              setDraft(key, { text, base: applied ? target : value, origin });
            }}
            onClearDraft={() => setDraft(key, null)}
            onCancel={() => {
              if (isDraftShown(draft, value) && draft.origin !== value) {
                setFilterCell(filter, r, c, draft.origin, channel ?? undefined);
              }
              setDraft(key, null);
            }}
            onScrub={(next) => {
              setDraft(key, null);
              setFilterCell(filter, r, c, next, channel ?? undefined);
            }}
            onMove={(dRow, dCol) => move(shown, r, c, dRow, dCol)}
          />,
        );
      }
    }
    const name = channel === null || deep3D ? null : CHANNEL_NAMES[ch];
    const groupLabel = deep3D
      ? t('network.sliceLabel', { f: filter + 1, k: ch + 1 })
      : name
        ? t('kernel.sliceLabel', { f: filter + 1, k: name })
        : t('kernel.gridLabel', { f: filter + 1 });
    return (
      <div
        key={ch}
        className={`kernel-slice${name ? ` slice-${name}` : ''}`}
        role="group"
        aria-label={groupLabel}
      >
        {name && (
          <span className="slice-title" aria-hidden="true">
            {name}
          </span>
        )}
        <div className={sizeClass(kw)}>{cells}</div>
      </div>
    );
  });

  return (
    <div className="kernel-weights">
      {rgb && <p className="hint">{t('kernel.rgbHint')}</p>}
      {rgb && !is3D(weights) && <p className="hint">{t('kernel.rgbShared')}</p>}
      {mixed3D && <p className="hint">{t('kernel.perChannel3D')}</p>}
      {inputMaps !== undefined && !deep3D && (
        <p className="hint">{t('network.kernel2D', { kh, kw, c: inputMaps })}</p>
      )}
      {deep3D && (
        <>
          <p className="hint">{t('network.kernel3D', { kh, kw, c: depth })}</p>
          <div className="field slice-picker">
            <label className="field-label" htmlFor={`${baseId}-slice`}>
              {t('network.inputMap')}
            </label>
            <select
              id={`${baseId}-slice`}
              value={slice + 1}
              onChange={(e) => setSlice(Number(e.target.value) - 1)}
            >
              {Array.from({ length: depth }, (_, c) => (
                <option key={c} value={c + 1}>
                  {t('network.inputMapOption', { c: c + 1 })}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div
        ref={container}
        className={rgb ? `kernel-slices rgb-${kw <= 3 ? 'row' : 'stack'}` : 'kernel-slices'}
        style={{ '--cols': kw } as CSSProperties}
      >
        {slices}
      </div>
      {errors.length > 0 && (
        <ul className="kernel-errors">
          {errors.map((e) => (
            <li key={e.id} id={e.id}>
              {e.text}
            </li>
          ))}
        </ul>
      )}
      <p className="hint kernel-sum">{t('kernel.sum', { sum: formatSummary(weightsSum(weights)) })}</p>
    </div>
  );
}
