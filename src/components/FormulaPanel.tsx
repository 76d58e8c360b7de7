import { useT } from '../i18n/index.ts';
import { useStore } from '../store/index.ts';
import { useGeometry } from './useGeometry.ts';

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

  const axes = [
    {
      name: t('formula.axisH'),
      w: image.height,
      before: geometry.pads.top,
      after: geometry.pads.bottom,
      f: geometry.kernelEff[0],
      s: spec.stride[0],
      out: geometry.conv.height,
      poolF: spec.pool.size[0],
      poolS: spec.pool.stride[0],
      poolPad: geometry.pool.pads.top + geometry.pool.pads.bottom,
      pooled: geometry.pool.height,
    },
    {
      name: t('formula.axisW'),
      w: image.width,
      before: geometry.pads.left,
      after: geometry.pads.right,
      f: geometry.kernelEff[1],
      s: spec.stride[1],
      out: geometry.conv.width,
      poolF: spec.pool.size[1],
      poolS: spec.pool.stride[1],
      poolPad: geometry.pool.pads.left + geometry.pool.pads.right,
      pooled: geometry.pool.width,
    },
  ];
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
            <output>{a.out}</output>; pool ⌊({a.out} + {a.poolPad} − {a.poolF}) / {a.poolS}⌋ + 1 ={' '}
            <output>{a.pooled}</output>
          </li>
        ))}
      </ul>
    </section>
  );
}
