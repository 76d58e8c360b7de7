import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';

/**
 * The output-size formula with the current numbers, per axis:
 * ⌊(W + P_before + P_after − F_eff) / S⌋ + 1, then the pooling the same way.
 */
export function FormulaPanel() {
  const t = useT();
  const spec = useStore((s) => s.spec);
  const image = useStore((s) => s.image);
  const geometry = useGeometry();
  if (!image || !geometry) return null;

  const axes = ([0, 1] as const).map((axis) => {
    const vertical = axis === 0;
    const poolPads = geometry.pool.pads;
    return {
      name: t(vertical ? 'formula.axisH' : 'formula.axisW'),
      w: vertical ? image.height : image.width,
      before: vertical ? geometry.pads.top : geometry.pads.left,
      after: vertical ? geometry.pads.bottom : geometry.pads.right,
      f: geometry.kernelEff[axis],
      s: spec.stride[axis],
      out: vertical ? geometry.conv.height : geometry.conv.width,
      poolF: spec.pool.size[axis],
      poolS: spec.pool.stride[axis],
      poolPad: vertical ? poolPads.top + poolPads.bottom : poolPads.left + poolPads.right,
      pooled: vertical ? geometry.pool.height : geometry.pool.width,
    };
  });
  return (
    <section className="panel formula" aria-labelledby="formula-heading">
      <h2 id="formula-heading">{t('formula.heading')}</h2>
      <p className="formula-general">
        (W − F + 2P) / S + 1 → ⌊(W + P<sub>before</sub> + P<sub>after</sub> − F) / S⌋ + 1
      </p>
      <ul>
        {axes.map((a) => (
          <li key={a.name}>
            <strong>{a.name}</strong>: ⌊({a.w} + {a.before} + {a.after} − {a.f}) / {a.s}⌋ + 1 ={' '}
            <output>{a.out}</output>; {t('formula.pool')} ⌊({a.out} + {a.poolPad} − {a.poolF}) / {a.poolS}⌋ +
            1 = <output>{a.pooled}</output>
          </li>
        ))}
      </ul>
    </section>
  );
}
