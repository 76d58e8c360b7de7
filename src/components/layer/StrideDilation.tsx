import { useId, useState } from 'react';
import { effectiveKernel, kernelShape, MAX_STEP } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { type Axis, editedSpec, setDilation, setStride, useStore } from '../../store/index.ts';
import { NumberField } from './NumberField.tsx';

interface PairProps {
  /** Message keys of the names: both axes, rows, columns, and the word in the link box's name. */
  names: { both: MessageKey; rows: MessageKey; columns: MessageKey };
  value: readonly [number, number];
  set: (axis: Axis, n: number) => boolean;
  hint: string;
}

/**
 * A per-axis setting, linked by default: one spinbutton for both axes ("Stride"), or, once "Link axes" is
 * unticked (or the spec's axes differ), one per axis ("Stride rows", "Stride columns").
 */
function AxisPair({ names, value, set, hint }: PairProps) {
  const t = useT();
  const id = useId();
  const [wantLinked, setWantLinked] = useState(true);
  const [rows, columns] = value;
  const linked = wantLinked && rows === columns;
  const hintId = `${id}-hint`;

  const onLink = (checked: boolean) => {
    setWantLinked(checked);
    if (checked && rows !== columns) set('both', rows);
  };

  return (
    <div className="layer-group axis-pair">
      <div className="axis-row">
        {linked ? (
          <NumberField
            label={t(names.both)}
            value={rows}
            min={1}
            max={MAX_STEP}
            onCommit={(n) => set('both', n)}
            describedBy={hintId}
            className="main-field"
          />
        ) : (
          <span className="field-label" aria-hidden="true">
            {t(names.both)}
          </span>
        )}
        <label className="check">
          <input type="checkbox" checked={linked} onChange={(e) => onLink(e.target.checked)} />
          {t('layer.linkAxes')}
          <span className="visually-hidden"> ({t(names.both)})</span>
        </label>
      </div>
      {!linked && (
        <div className="axis-fields">
          <NumberField
            label={t(names.rows)}
            visibleLabel={t('layer.rows')}
            value={rows}
            min={1}
            max={MAX_STEP}
            onCommit={(n) => set(0, n)}
            describedBy={hintId}
          />
          <NumberField
            label={t(names.columns)}
            visibleLabel={t('layer.columns')}
            value={columns}
            min={1}
            max={MAX_STEP}
            onCommit={(n) => set(1, n)}
            describedBy={hintId}
          />
        </div>
      )}
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}

/** Stride per axis: how far the filter moves. */
export function Stride() {
  const t = useT();
  const stride = useStore((s) => editedSpec(s).stride);
  return (
    <AxisPair
      names={{ both: 'layer.stride', rows: 'layer.strideRows', columns: 'layer.strideColumns' }}
      value={stride}
      set={setStride}
      hint={t('layer.strideHint')}
    />
  );
}

/** Dilation per axis; its hint works out the effective kernel size. */
export function Dilation() {
  const t = useT();
  const dilation = useStore((s) => editedSpec(s).dilation);
  const weights = useStore((s) => editedSpec(s).filters[0]?.weights);
  const { kh, kw } = weights ? kernelShape(weights) : { kh: 1, kw: 1 };
  const effective = `${effectiveKernel(kh, dilation[0])} × ${effectiveKernel(kw, dilation[1])}`;
  return (
    <AxisPair
      names={{ both: 'layer.dilation', rows: 'layer.dilationRows', columns: 'layer.dilationColumns' }}
      value={dilation}
      set={setDilation}
      hint={t('layer.dilationHint', { kernel: `${kh} × ${kw}`, effective })}
    />
  );
}
