/**
 * The bias of the selected filter: spinbutton "Bias of filter F", any number a float32 holds (`-128`,
 * `0.5`). As in a kernel cell, only the final text counts: an invalid one puts back the bias from before.
 */
import { useState } from 'react';
import { isFloat32Finite } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { editedSpec, setBias, useStore } from '../../store/index.ts';

export function BiasField({ filter }: { filter: number }) {
  const t = useT();
  const bias = useStore((s) => editedSpec(s).filters[filter]?.bias ?? 0);
  const [draft, setDraft] = useState<string | null>(null);
  // The bias before this typing: what an invalid final text (`1e39`, with `1e3` on the way) leaves.
  const [origin, setOrigin] = useState(bias);
  const parse = (text: string) => {
    const n = Number(text);
    return text.trim() !== '' && isFloat32Finite(n) ? n : null;
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
            const from = draft === null ? bias : origin;
            if (draft === null) setOrigin(bias);
            setDraft(e.target.value);
            const target = parse(e.target.value) ?? from;
            if (target !== bias) setBias(filter, target);
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
