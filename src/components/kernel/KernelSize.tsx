/**
 * Kernel rows and columns (1 to 11 each, square or not). Every filter is resized, keeping the values
 * around the centre (see resizeGrid). A typed "1" waits for Enter or leaving the field, since it may be
 * the start of 10 or 11 (resizing to 1 × 1 on the way would lose the weights); arrow keys step at once.
 */
import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { MAX_SIDE, MIN_SIDE, sizeOf } from '../../kernels/ops.ts';
import { editedSpec, resizeKernels, useStore } from '../../store/index.ts';

function validSide(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= MIN_SIDE && n <= MAX_SIDE ? n : null;
}

function SideInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number;
  onCommit: (n: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && validSide(draft) === null;
  const commit = (text: string | null) => {
    const n = text === null ? null : validSide(text);
    if (n !== null && n !== value) onCommit(n);
    setDraft(null);
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    const n = validSide(text);
    const inputType = (event.nativeEvent as InputEvent).inputType ?? '';
    const typed = inputType.startsWith('insert') || inputType.startsWith('delete');
    if (n !== null && (!typed || n * 10 > MAX_SIDE)) commit(text);
    else setDraft(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(draft);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const next = Math.min(MAX_SIDE, Math.max(MIN_SIDE, value + (event.key === 'ArrowUp' ? 1 : -1)));
      commit(String(next));
    } else if (event.key === 'Escape') setDraft(null);
  };
  return (
    <input
      type="number"
      className="kernel-side"
      min={MIN_SIDE}
      max={MAX_SIDE}
      step={1}
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={draft ?? String(value)}
      onChange={onChange}
      onKeyDown={onKeyDown}
      onBlur={() => commit(draft)}
    />
  );
}

export function KernelSize() {
  const t = useT();
  const size = useStore((s) => {
    const w = editedSpec(s).filters[0]?.weights;
    return w ? sizeOf(w).join('x') : '3x3';
  });
  const [kh = 3, kw = 3] = size.split('x').map(Number);
  const hintId = useId();
  return (
    <div className="field kernel-size" role="group" aria-label={t('kernel.size')} aria-describedby={hintId}>
      <span className="field-label kernel-size-label" aria-hidden="true">
        {t('kernel.size')}
      </span>
      <SideInput label={t('kernel.rows')} value={kh} onCommit={(n) => resizeKernels(n, kw)} />
      <span aria-hidden="true">×</span>
      <SideInput label={t('kernel.columns')} value={kw} onCommit={(n) => resizeKernels(kh, n)} />
      <p className="hint" id={hintId}>
        {t('kernel.sizeHint')}
      </p>
    </div>
  );
}
