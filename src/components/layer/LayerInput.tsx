import { fedShape, layerMaps, type LayerOutput } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { layerOf, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { shapeText } from '../pipeline/Figure.tsx';

const FROM: Record<LayerOutput, MessageKey> = {
  maxpool: 'network.inputFrom.maxpool',
  avgpool: 'network.inputFrom.avgpool',
  conv: 'network.inputFrom.conv',
};

/**
 * In place of the channels of the first layer, a deeper layer (`layer` ≥ 1, 0-based) says what it is
 * fed: the C maps of the layer before, and which of its results (docs/spec.md "Networks").
 */
export function LayerInput({ layer }: { layer: number }) {
  const t = useT();
  const before = useStore((s) => layerOf(s, layer - 1));
  const geometry = useGeometry(layer - 1);
  const c = layerMaps(before);
  const params = { c, n: layer, what: t(FROM[before.output]) };
  const fed = geometry && fedShape(before, geometry);
  return (
    <div className="layer-group layer-input">
      <p className="layer-input-line">{t(c === 1 ? 'network.inputOne' : 'network.input', params)}</p>
      {fed && <p className="shape">{shapeText(fed.height, fed.width, fed.maps)}</p>}
      <p className="hint">{t('network.inputHint', { c })}</p>
    </div>
  );
}
