import { useId } from 'react';
import { useT } from '../../i18n/index.ts';
import { updateSpec, useStore } from '../../store/index.ts';

function NumberField({
  label,
  value,
  min,
  max,
  hint,
  onCommit,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  hint: string;
  onCommit: (n: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (Number.isInteger(n)) onCommit(n);
        }}
      />
      <span className="hint">{hint}</span>
    </div>
  );
}

export function LayerControls() {
  const t = useT();
  const stride = useStore((s) => s.spec.stride[0]);
  const padding = useStore((s) => s.spec.padding);
  const poolSize = useStore((s) => s.spec.pool.size[0]);
  const name = useId();

  return (
    <section className="panel" aria-labelledby="layer-heading">
      <h2 id="layer-heading">{t('layer.heading')}</h2>
      <NumberField
        label={t('layer.stride')}
        value={stride}
        min={1}
        max={16}
        hint="S"
        onCommit={(n) => updateSpec((d) => void (d.stride = [n, n]))}
      />
      <div className="field" role="radiogroup" aria-label={t('layer.padding')}>
        <span className="field-label" aria-hidden="true">
          {t('layer.padding')}
        </span>
        {(['valid', 'same'] as const).map((mode) => (
          <label
            key={mode}
            className="radio"
            title={t(mode === 'valid' ? 'layer.validHint' : 'layer.sameHint')}
          >
            <input
              type="radio"
              name={name}
              value={mode}
              checked={padding === mode}
              onChange={() => updateSpec((d) => void (d.padding = mode))}
            />
            {t(mode === 'valid' ? 'layer.valid' : 'layer.same')}
          </label>
        ))}
      </div>
      <NumberField
        label={t('layer.poolSize')}
        value={poolSize}
        min={1}
        max={16}
        hint={t('layer.poolHint')}
        onCommit={(n) =>
          updateSpec((d) => {
            d.pool.size = [n, n];
            d.pool.stride = [n, n];
          })
        }
      />
    </section>
  );
}
