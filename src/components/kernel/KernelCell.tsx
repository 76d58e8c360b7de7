/**
 * One editable weight. The text stays as typed while it is being edited; a valid value (`1/9`, `-2`,
 * `2*3`) is applied at once, an invalid one is marked (aria-invalid, explained by the grid) and the weight
 * goes back to what it was before the typing started (`1e30` on the way to `1e309` is not kept); Escape
 * does the same. Focus selects the text, so typing replaces it. Arrow keys move between
 * cells (Left/Right only when the caret is at the edge of the text or all of it is selected); Enter and
 * Tab commit. Dragging up or down scrubs the value (useScrub).
 */
import type { KeyboardEvent } from 'react';
import { parseCellValue } from '../../kernels/cellValue.ts';
import { formatCell } from '../../kernels/format.ts';
import { useScrub } from './useScrub.ts';

export interface Draft {
  text: string;
  /** The weight when the draft was typed: a draft is only shown while the weight is still this. */
  base: number;
  /** The weight before this typing started: what an invalid final text leaves in effect. */
  origin: number;
}

interface Props {
  label: string;
  value: number;
  /** Shorter numbers for the small cells of wide grids (see formatCell). */
  compact: boolean;
  draft: Draft | undefined;
  /** Id of the explanation shown while this cell is invalid. */
  errorId: string;
  /** data-cell coordinates "channel-row-col", used to move focus between cells. */
  coords: string;
  onText: (text: string) => void;
  /** Drops the draft (after Enter, Tab or leaving the cell). */
  onClearDraft: () => void;
  /** Escape: the weight back to what it was before the typing, and the draft dropped. */
  onCancel: () => void;
  onScrub: (value: number) => void;
  onMove: (dRow: number, dCol: number) => void;
}

export function isDraftShown(draft: Draft | undefined, value: number): draft is Draft {
  return draft !== undefined && draft.base === value;
}

export function KernelCell({
  label,
  value,
  compact,
  draft,
  errorId,
  coords,
  onText,
  onClearDraft,
  onCancel,
  onScrub,
  onMove,
}: Props) {
  const shown = isDraftShown(draft, value) ? draft.text : null;
  const invalid = shown !== null && parseCellValue(shown) === null;
  const scrub = useScrub(value, onScrub, onClearDraft);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const length = input.value.length;
    const allSelected = start === 0 && end === length;
    const commit = () => {
      if (!invalid) onClearDraft();
    };
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        commit();
        requestAnimationFrame(() => input.select());
        return;
      case 'Escape':
        if (shown !== null) {
          event.preventDefault();
          onCancel();
          requestAnimationFrame(() => input.select());
        }
        return;
      case 'Tab':
        commit();
        return;
      case 'ArrowUp':
      case 'ArrowDown':
        event.preventDefault();
        commit();
        onMove(event.key === 'ArrowUp' ? -1 : 1, 0);
        return;
      case 'ArrowLeft':
        if (allSelected || (start === 0 && end === 0)) {
          event.preventDefault();
          commit();
          onMove(0, -1);
        }
        return;
      case 'ArrowRight':
        if (allSelected || (start === length && end === length)) {
          event.preventDefault();
          commit();
          onMove(0, 1);
        }
        return;
    }
  };

  return (
    <input
      className={invalid ? 'kernel-cell invalid' : 'kernel-cell'}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      data-cell={coords}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? errorId : undefined}
      title={invalid ? undefined : String(value)}
      value={shown ?? formatCell(value, compact)}
      onChange={(e) => onText(e.target.value)}
      onFocus={(e) => e.target.select()}
      onBlur={() => {
        if (!invalid) onClearDraft();
      }}
      onKeyDown={onKeyDown}
      {...scrub}
    />
  );
}
