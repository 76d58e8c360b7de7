/** The bias of the selected filter: spinbutton "Bias of filter F", any number (`-128`, `0.5`). */
import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { setBias, useStore } from '../../store/index.ts';

export function BiasField({ filter }: { filter: number }) {
  const t = useT();
  const bias = useStore((s) => s.spec.filters[filter]?.bias ?? 0);
  const [draft, setDraft] = useState<string | null>(null);
  const parse = (text: string) => {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : null;
  };
  const invalid = draft !== null && parse(draft) === null;
  return (
    <div className="field bias-field">
      <label className="kernel-inline">
        <span className="field-label">{t('kernel.bias')}</span>
        <input
          type="number"
          step={1}
          aria-label={t('kernel.biasOf', { f: filter + 1 })}
          aria-invalid={invalid || undefined}
          value={draft ?? String(bias)}
          onChange={(e) => {
            setDraft(e.target.value);
            const n = parse(e.target.value);
            if (n !== null && n !== bias) setBias(filter, n);
          }}
          onBlur={() => setDraft(null)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !invalid) setDraft(null);
          }}
        />
      </label>
      <span className="hint">{t('kernel.biasHint')}</span>
    </div>
  );
}
