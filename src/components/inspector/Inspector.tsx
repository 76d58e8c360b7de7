import { memo, useEffect, useId, useMemo } from 'react';
import { stageSize } from '../../core/cellWindows.ts';
import { explainPixel, type Explanation } from '../../core/explain.ts';
import type { LayerGeometry, LayerSpec, Stage } from '../../core/index.ts';
import type { InputValues } from '../../engine/index.ts';
import { useT, type MessageKey, type Translate } from '../../i18n/index.ts';
import { type InspectTarget, layerOf, setInspect, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { ConvDetails } from './ConvDetails.tsx';
import { fedInput, type FedInput } from './fedInput.ts';
import { formatNumber, oneBased } from './format.ts';
import './inspector.css';
import { PoolDetails } from './PoolDetails.tsx';
import { watchTargetRange } from './target.ts';
import { useInputValues } from './useInputValues.ts';
import { useTrace } from './useTrace.ts';

const STAGE_NAME: Record<Stage, MessageKey> = {
  preActivation: 'stage.preActivation',
  features: 'stage.featureMap',
  maxPool: 'stage.maxPool',
  avgPool: 'stage.avgPool',
};

/** The same names inside a sentence, after "Layer N, ". */
const STAGE_NAME_IN_LAYER: Record<Stage, MessageKey> = {
  preActivation: 'inspect.mapName.preActivation',
  features: 'inspect.mapName.features',
  maxPool: 'inspect.mapName.maxPool',
  avgPool: 'inspect.mapName.avgPool',
};

/**
 * "Feature map 1, row 5, column 7" (1-based, as the canvases and kernel cells are named); in a network of
 * several layers "Layer 2, feature map 1, row 5, column 7".
 */
function targetName(t: Translate, target: InspectTarget, layers: number): string {
  const at = { row: oneBased(target.y), col: oneBased(target.x) };
  const m = target.map + 1;
  if (layers < 2) return t('inspect.at', { map: t(STAGE_NAME[target.stage], { m }), ...at });
  return t('inspect.atLayer', {
    layer: target.layer + 1,
    map: t(STAGE_NAME_IN_LAYER[target.stage], { m }),
    ...at,
  });
}

/** The explanation of the target, or null while the input values are not there or do not fit the spec. */
function explain(
  target: InspectTarget,
  spec: LayerSpec,
  geometry: LayerGeometry,
  input: InputValues | null,
): Explanation | null {
  if (!input) return null;
  const { height, width, channels } = geometry.input;
  if (input.height !== height || input.width !== width || input.channels !== channels) return null;
  const size = stageSize(geometry, target.stage);
  if (target.map >= geometry.conv.maps || target.y >= size.height || target.x >= size.width) return null;
  return explainPixel(input, spec, geometry, target.stage, target.map, target.y, target.x);
}

/** Whether the page is used with a pointer that cannot hover (a finger): the hint then says "tap". */
function cannotHover(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(hover: none)').matches;
}

interface DetailsProps {
  explanation: Explanation;
  /** The layer (0-based) of the pixel. */
  layer: number;
  fed: FedInput | null;
  t: Translate;
}

const Details = memo(function Details({ explanation, layer, fed, t }: DetailsProps) {
  if (explanation.kind === 'conv') return <ConvDetails e={explanation} t={t} fed={fed} />;
  const m = explanation.map + 1;
  const mapName = fed ? t('inspect.layerFeatureMap', { layer: layer + 1, m }) : t('stage.featureMap', { m });
  return <PoolDetails e={explanation} t={t} mapName={mapName} fed={fed} />;
});

/**
 * Hover, tap or choose by keyboard any output pixel of any layer: the computation of its value written
 * out with the real numbers (products, sum, bias, activation; for pooling the winner of the max or what
 * was averaged; deeper, the sum over the C input maps fed in). Its receptive field is drawn over the
 * input by ReceptiveField, its window on every layer between by TraceOutline.
 */
export function Inspector() {
  const t = useT();
  const headingId = useId();
  const target = useStore((s) => s.inspect);
  const layer = target?.layer ?? 0;
  const spec = useStore((s) => layerOf(s, layer));
  const network = useStore((s) => s.network);
  const geometry = useGeometry(layer);
  const input = useInputValues(target !== null, layer);
  const trace = useTrace();
  const touch = useMemo(() => cannotHover(), []);

  useEffect(() => watchTargetRange(), []);

  const explanation = useMemo(
    () => (target && geometry ? explain(target, spec, geometry, input) : null),
    // The pinned flag does not change the explanation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target?.layer, target?.stage, target?.map, target?.y, target?.x, spec, geometry, input],
  );
  const fed = useMemo(
    () => (geometry ? fedInput(network, layer, geometry.input.channels, trace) : null),
    [network, layer, geometry, trace],
  );

  const name = target ? targetName(t, target, network.layers.length) : '';
  const summary =
    target && explanation
      ? t('inspect.summary', { target: name, value: formatNumber(explanation.value) })
      : name;

  return (
    <section className="panel inspector" aria-labelledby={headingId}>
      <div className="ins-head">
        <h2 id={headingId}>{t('inspect.heading')}</h2>
        {target?.pinned && (
          <>
            <span className="ins-pinned">{t('inspect.pinned')}</span>
            <button type="button" className="ins-clear" onClick={() => setInspect(null)}>
              {t('inspect.clear')}
            </button>
          </>
        )}
      </div>
      <p className="ins-summary" aria-live="polite" aria-atomic="true">
        {summary}
      </p>
      {!target && <p className="hint ins-hint">{t(touch ? 'inspect.hintTouch' : 'inspect.hint')}</p>}
      {target && !explanation && (
        <p className="hint">
          {t(layer > 0 ? 'inspect.loadingMaps' : 'inspect.loading', { layer: layer + 1 })}
        </p>
      )}
      {explanation && <Details explanation={explanation} layer={layer} fed={fed} t={t} />}
      {target && !touch && <p className="hint ins-keys">{t('inspect.keys')}</p>}
    </section>
  );
}
