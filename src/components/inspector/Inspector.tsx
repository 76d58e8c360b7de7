import { memo, useEffect, useId, useMemo } from 'react';
import { stageSize } from '../../core/cellWindows.ts';
import { explainPixel, type Explanation } from '../../core/explain.ts';
import type { LayerGeometry, LayerSpec, Stage } from '../../core/index.ts';
import type { InputValues } from '../../engine/index.ts';
import { useT, type MessageKey, type Translate } from '../../i18n/index.ts';
import { type InspectTarget, layerOf, setInspect, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { ConvDetails } from './ConvDetails.tsx';
import { formatNumber, oneBased } from './format.ts';
import './inspector.css';
import { PoolDetails } from './PoolDetails.tsx';
import { watchTargetRange } from './target.ts';
import { useInputValues } from './useInputValues.ts';

const STAGE_NAME: Record<Stage, MessageKey> = {
  preActivation: 'stage.preActivation',
  features: 'stage.featureMap',
  maxPool: 'stage.maxPool',
  avgPool: 'stage.avgPool',
};

/** "Feature map 1, row 5, column 7" (1-based, as the canvases and kernel cells are named). */
function targetName(t: Translate, target: InspectTarget): string {
  return t('inspect.at', {
    map: t(STAGE_NAME[target.stage], { m: target.map + 1 }),
    row: oneBased(target.y),
    col: oneBased(target.x),
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

const Details = memo(function Details({ explanation, t }: { explanation: Explanation; t: Translate }) {
  if (explanation.kind === 'conv') return <ConvDetails e={explanation} t={t} />;
  return <PoolDetails e={explanation} t={t} mapName={t('stage.featureMap', { m: explanation.map + 1 })} />;
});

/**
 * Hover, tap or choose by keyboard any output pixel: the computation of its value written out with the
 * real numbers (products, sum, bias, activation; for pooling the winner of the max or what was averaged).
 * The receptive field is drawn over the input by ReceptiveField.
 */
export function Inspector() {
  const t = useT();
  const headingId = useId();
  const target = useStore((s) => s.inspect);
  const spec = useStore((s) => layerOf(s, 0));
  const geometry = useGeometry();
  const input = useInputValues(target !== null);
  const touch = useMemo(() => cannotHover(), []);

  useEffect(() => watchTargetRange(), []);

  const explanation = useMemo(
    () => (target && geometry ? explain(target, spec, geometry, input) : null),
    // The pinned flag does not change the explanation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target?.stage, target?.map, target?.y, target?.x, spec, geometry, input],
  );

  const name = target ? targetName(t, target) : '';
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
      {target && !explanation && <p className="hint">{t('inspect.loading')}</p>}
      {explanation && <Details explanation={explanation} t={t} />}
      {target && !touch && <p className="hint ins-keys">{t('inspect.keys')}</p>}
    </section>
  );
}
