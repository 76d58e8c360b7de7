import { useId, useState } from 'react';
import { MAX_STEP, POOL_PADDINGS, type PoolPadding } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { editedSpec, setPoolPadding, setPoolSize, setPoolStride, useStore } from '../../store/index.ts';
import { NumberField } from './NumberField.tsx';
import { RadioGroup } from './RadioGroup.tsx';

/**
 * The pooling window (n × n), its stride (following the window unless unlinked, as in most CNNs) and its
 * padding. Max and average pooling run with the same settings and are shown side by side.
 */
export function PoolFields() {
  const t = useT();
  const id = useId();
  const size = useStore((s) => editedSpec(s).pool.size[0]);
  const stride = useStore((s) => editedSpec(s).pool.stride[0]);
  const square = useStore(
    (s) =>
      editedSpec(s).pool.size[0] === editedSpec(s).pool.size[1] &&
      editedSpec(s).pool.stride[0] === editedSpec(s).pool.stride[1],
  );
  const padding = useStore((s) => editedSpec(s).pool.padding);
  const [wantLinked, setWantLinked] = useState(true);
  const linked = wantLinked && square && size === stride;

  const onLink = (checked: boolean) => {
    setWantLinked(checked);
    if (checked && !(square && size === stride)) setPoolSize(size, true);
  };

  return (
    <div className="layer-subsection">
      <div className="layer-group">
        <div className="axis-row">
          <NumberField
            label={t('layer.poolSize')}
            value={size}
            min={1}
            max={MAX_STEP}
            onCommit={(n) => setPoolSize(n, linked)}
            describedBy={`${id}-size`}
            className="main-field"
          />
        </div>
        <p id={`${id}-size`} className="hint">
          {t('layer.poolHint')}
        </p>
      </div>
      <div className="layer-group">
        <div className="axis-row">
          <NumberField
            label={t('layer.poolStride')}
            value={stride}
            min={1}
            max={MAX_STEP}
            onCommit={(n) => {
              const ok = setPoolStride(n);
              if (ok && n !== size) setWantLinked(false);
              return ok;
            }}
            className="main-field"
          />
          <label className="check">
            <input type="checkbox" checked={linked} onChange={(e) => onLink(e.target.checked)} />
            {t('layer.poolStrideLinked')}
          </label>
        </div>
      </div>
      <RadioGroup
        label={t('layer.poolPadding')}
        value={padding}
        options={POOL_PADDINGS.map((p: PoolPadding) => ({
          value: p,
          label: t(p === 'valid' ? 'layer.valid' : 'layer.same'),
          hint: t(p === 'valid' ? 'layer.poolValidHint' : 'layer.poolPaddingHint'),
        }))}
        onChange={(p) => void setPoolPadding(p)}
      />
    </div>
  );
}
