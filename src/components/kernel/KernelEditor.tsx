import { memo, useState, type KeyboardEvent } from 'react';
import type { Weights } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { parseCellValue } from '../../kernels/cellValue.ts';
import { findPreset, matchPreset, PRESETS } from '../../kernels/presets.ts';
import { setFilterCell, updateSpec, useStore } from '../../store/index.ts';
import { formatWeight } from './FilterCanvas.tsx';

function cellNumber(weights: Weights, r: number, c: number): number {
  const cell = weights[r]?.[c];
  return Array.isArray(cell) ? (cell[0] ?? 0) : (cell ?? 0);
}

interface CellProps {
  filter: number;
  row: number;
  col: number;
  value: number;
}

/** One weight: the typed text stays as typed; a valid number is applied at once, an invalid one is marked. */
const KernelCell = memo(function KernelCell({ filter, row, col, value }: CellProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && parseCellValue(draft) === null;
  const label = t('kernel.cell', { f: filter + 1, r: row + 1, c: col + 1 });

  const onChange = (text: string) => {
    setDraft(text);
    const parsed = parseCellValue(text);
    if (parsed !== null && parsed !== value) setFilterCell(filter, row, col, parsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') setDraft(null);
  };

  return (
    <input
      className={invalid ? 'kernel-cell invalid' : 'kernel-cell'}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={invalid ? t('kernel.cellInvalid') : undefined}
      value={draft ?? formatWeight(value)}
      onChange={(e) => onChange(e.target.value)}
      onFocus={(e) => e.target.select()}
      onBlur={() => {
        if (!invalid) setDraft(null);
      }}
      onKeyDown={onKeyDown}
    />
  );
});

function KernelGrid({ filter }: { filter: number }) {
  const weights = useStore((s) => s.spec.filters[filter]?.weights);
  if (!weights) return null;
  const cols = weights[0]?.length ?? 0;
  return (
    <div className="kernel-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(2.6rem, 3.4rem))` }}>
      {weights.map((row, r) =>
        row.map((_, c) => (
          <KernelCell key={`${r}-${c}`} filter={filter} row={r} col={c} value={cellNumber(weights, r, c)} />
        )),
      )}
    </div>
  );
}

function PresetPicker() {
  const t = useT();
  const weights = useStore((s) => s.spec.filters[0]?.weights);
  const preset = matchPreset(weights);
  const onPick = (id: string) => {
    const picked = findPreset(id);
    if (!picked) return;
    updateSpec((draft) => {
      const first = draft.filters[0];
      draft.filters[0] = { weights: picked.weights.map((row) => [...row]), bias: first?.bias ?? 0 };
    });
  };
  return (
    <div className="field">
      <label htmlFor="kernel-preset">{t('kernel.preset')}</label>
      <select id="kernel-preset" value={preset?.id ?? 'custom'} onChange={(e) => onPick(e.target.value)}>
        {!preset && <option value="custom">{t('kernel.custom')}</option>}
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {t(p.name)}
          </option>
        ))}
      </select>
      {preset && <p className="hint">{t(preset.info)}</p>}
    </div>
  );
}

export function KernelEditor() {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="kernel-heading">
      <h2 id="kernel-heading">{t('kernel.heading')}</h2>
      <PresetPicker />
      <KernelGrid filter={0} />
    </section>
  );
}
