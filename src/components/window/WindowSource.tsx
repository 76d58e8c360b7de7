import { useId } from 'react';
import { WINDOW_PHASES, type WindowPhase } from '../../core/index.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { setWindowSource } from '../../store/index.ts';
import type { WindowModel } from './useWindowModel.ts';

/** Which pooling the pool phase writes: both use the same window, only the value differs. */
export type PoolKind = 'maxPool' | 'avgPool';

interface Props {
  model: WindowModel;
  poolKind: PoolKind;
  onPoolKind: (kind: PoolKind) => void;
  /** The input map drawn for a deeper layer (it sums over all of them). */
  inputMap: number;
  onInputMap: (c: number) => void;
  t: Translate;
}

function Picker({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | number;
  options: { value: string | number; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <span className="sw-picker">
      <label htmlFor={id} className="sw-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

const PHASE_NAME: Record<WindowPhase, MessageKey> = {
  conv: 'window.phase.conv',
  pool: 'window.phase.pool',
};

const POOL_NAME: Record<PoolKind, MessageKey> = {
  maxPool: 'window.poolKind.maxPool',
  avgPool: 'window.poolKind.avgPool',
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The layer, map and window the demo shows (each change goes back to the first stop, paused). */
export function WindowSource({ model, poolKind, onPoolKind, inputMap, onInputMap, t }: Props) {
  const { layers, layer, map, phase, geometry } = model;
  const channels = geometry.input.channels;
  return (
    <div className="sw-source">
      {layers > 1 && (
        <Picker
          label={t('window.layer')}
          value={layer}
          options={range(layers).map((k) => ({ value: k, label: t('window.layerOption', { layer: k + 1 }) }))}
          onChange={(v) => setWindowSource({ layer: Number(v), map: 0 })}
        />
      )}
      {geometry.conv.maps > 1 && (
        <Picker
          label={t('window.map')}
          value={map}
          options={range(geometry.conv.maps).map((m) => ({
            value: m,
            label: t('window.mapOption', { m: m + 1 }),
          }))}
          onChange={(v) => setWindowSource({ map: Number(v) })}
        />
      )}
      <Picker
        label={t('window.phase')}
        value={phase}
        options={WINDOW_PHASES.map((p) => ({ value: p, label: t(PHASE_NAME[p]) }))}
        onChange={(v) => setWindowSource({ phase: v as WindowPhase })}
      />
      {phase === 'pool' && (
        <Picker
          label={t('window.poolKind')}
          value={poolKind}
          options={(['maxPool', 'avgPool'] as const).map((k) => ({
            value: k,
            label: t(POOL_NAME[k]),
          }))}
          onChange={(v) => onPoolKind(v as PoolKind)}
        />
      )}
      {phase === 'conv' && layer > 0 && channels > 1 && (
        <Picker
          label={t('window.inputMap')}
          value={Math.min(inputMap, channels - 1)}
          options={range(channels).map((c) => ({
            value: c,
            label: t('window.inputMapOption', { c: c + 1 }),
          }))}
          onChange={(v) => onInputMap(Number(v))}
        />
      )}
    </div>
  );
}
