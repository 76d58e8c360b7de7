import { useLanguage, useT } from '../../i18n/index.ts';
import { editedSpec, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { layerParams } from './tensorShapes.ts';

/** Weights, biases and multiply-adds of the conv layer, each with the product that gives it. */
export function ParamsPanel() {
  const t = useT();
  const spec = useStore((s) => editedSpec(s));
  const language = useLanguage();
  const geometry = useGeometry();
  if (!geometry) return null;
  const p = layerParams(spec, geometry);
  const fmt = (n: number) => n.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-US');
  const [kh, kw] = geometry.kernel;
  const c = geometry.input.channels;
  const f = spec.filters.length;
  const { height, width, maps } = geometry.conv;
  return (
    <section className="panel params" aria-labelledby="params-heading">
      <h2 id="params-heading">{t('params.heading')}</h2>
      <dl className="numbers-dl">
        <dt>{t('params.weights')}</dt>
        <dd>
          <code>
            {kh} × {kw} × {c} × {f} = {fmt(p.weights)}
          </code>
        </dd>
        <dt>{t('params.biases')}</dt>
        <dd>
          <code>{fmt(p.biases)}</code>
        </dd>
        <dt>{t('params.total')}</dt>
        <dd>
          <code>{fmt(p.weights + p.biases)}</code>
        </dd>
        <dt>{t('params.macs')}</dt>
        <dd>
          <code>
            {height} × {width} × {maps} × {p.macsPerOutput} = {fmt(p.macs)}
          </code>
        </dd>
      </dl>
      {p.distinctWeights !== p.weights && (
        <p className="numbers-note">{t('params.shared', { distinct: fmt(p.distinctWeights), c })}</p>
      )}
      <p className="numbers-note">
        {t('params.macsNote', { outputs: fmt(p.outputs), per: p.macsPerOutput })}
      </p>
    </section>
  );
}
