import { receptiveField, type AxisField } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';

/**
 * "Receptive field R × R" of layer `layer`'s (0-based) feature maps, and how r grew to it, per axis, one
 * value per convolution and per pooling fed on (docs/spec.md "Networks", `receptiveField`).
 */
export function ReceptiveFieldNote({ layer }: { layer: number }) {
  const t = useT();
  const network = useStore((s) => s.network);
  const { rows, cols } = receptiveField(network, layer);
  const chain = (axis: AxisField) =>
    axis.steps
      .map((s) => (s.kind === 'pool' ? t('network.pooledStep', { r: s.r }) : String(s.r)))
      .join(' → ');
  const same = chain(rows) === chain(cols);
  return (
    <div className="receptive-field-note">
      <p className="field-size">{t('network.receptiveField', { h: rows.r, w: cols.r })}</p>
      <p className="hint">
        {t('network.fieldMeaning')}
        {rows.steps.length > 1 &&
          `; ${t('network.fieldChain', {
            chain: same
              ? chain(rows)
              : `${t('network.fieldRows', { chain: chain(rows) })}, ${t('network.fieldColumns', { chain: chain(cols) })}`,
          })}`}
      </p>
    </div>
  );
}
