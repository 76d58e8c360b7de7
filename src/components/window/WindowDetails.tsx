import { useMemo } from 'react';
import { explainConv } from '../../core/explainConv.ts';
import { explainPool } from '../../core/explainPool.ts';
import type { InputValues } from '../../engine/index.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { ConvDetails } from '../inspector/ConvDetails.tsx';
import { fedInput } from '../inspector/fedInput.ts';
import { formatNumber, rectText } from '../inspector/format.ts';
import { PoolDetails } from '../inspector/PoolDetails.tsx';
import type { WindowModel } from './useWindowModel.ts';
import type { PoolKind } from './WindowSource.tsx';

const POOL_STATUS: Record<PoolKind, MessageKey> = {
  maxPool: 'window.status.pool.maxPool',
  avgPool: 'window.status.pool.avgPool',
};

interface Props {
  model: WindowModel;
  input: InputValues;
  poolKind: PoolKind;
  /** Whether the window is playing: the status is then not announced (one line per stop would flood). */
  playing: boolean;
  t: Translate;
}

/**
 * The stop's result in one line ("Output row 1, column 2 = −3.5"), where the window stands, and its
 * multiply-add (or pooling) written out with the real numbers by the inspector's own components.
 */
export function WindowDetails({ model, input, poolKind, playing, t }: Props) {
  const { spec, geometry, phase, map, layer, current } = model;
  const network = useStore((s) => s.network);
  const explanation = useMemo(() => {
    if (!current) return null;
    return phase === 'conv'
      ? explainConv(input, spec, geometry, map, current.y, current.x)
      : explainPool(input, spec, geometry, poolKind, map, current.y, current.x);
  }, [current, phase, input, spec, geometry, map, poolKind]);
  const fed = useMemo(
    () => fedInput(network, layer, geometry.input.channels, null),
    [network, layer, geometry.input.channels],
  );
  if (!current || !explanation) return null;
  const at = { row: current.y + 1, col: current.x + 1, value: formatNumber(explanation.value) };
  const status = phase === 'conv' ? t('window.status.conv', at) : t(POOL_STATUS[poolKind], at);
  const stride = phase === 'conv' ? spec.stride : spec.pool.stride;
  const where = t(phase === 'conv' ? 'window.status.where' : 'window.status.wherePool', {
    ...rectText(current.window),
    sy: stride[0],
    sx: stride[1],
  });
  const m = map + 1;
  const mapName =
    layer > 0 ? t('inspect.layerFeatureMap', { layer: layer + 1, m }) : t('stage.featureMap', { m });
  return (
    <div className="sw-details">
      <p className="sw-status" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
        <strong>{status}</strong>
      </p>
      <p className="sw-where">{where}</p>
      {explanation.kind === 'conv' ? (
        <ConvDetails e={explanation} t={t} fed={fed} />
      ) : (
        <PoolDetails e={explanation} t={t} mapName={mapName} fed={fed} />
      )}
    </div>
  );
}
