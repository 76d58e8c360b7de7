import type { MessageKey } from '../../i18n/index.ts';
import { useT } from '../../i18n/index.ts';
import { editedSpec, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { layerShapes, shapeList, type StageId } from './tensorShapes.ts';

const STAGE: Record<StageId, MessageKey> = {
  input: 'shapes.input',
  weights: 'shapes.weights',
  bias: 'shapes.bias',
  conv: 'shapes.conv',
  maxPool: 'shapes.maxPool',
  avgPool: 'shapes.avgPool',
};

/** Every tensor of the layer in both layouts: NHWC (TensorFlow, Keras, tfjs) and NCHW (PyTorch). */
export function ShapesTable() {
  const t = useT();
  const spec = useStore((s) => editedSpec(s));
  const geometry = useGeometry();
  if (!geometry) return null;
  const { rows, depthwise } = layerShapes(spec, geometry);
  return (
    <section className="panel shapes" aria-labelledby="shapes-heading">
      <h2 id="shapes-heading">{t('shapes.heading')}</h2>
      <table className="numbers-table">
        <thead>
          <tr>
            <th scope="col">{t('shapes.stage')}</th>
            <th scope="col">{t('shapes.nhwc')}</th>
            <th scope="col">{t('shapes.nchw')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stage}>
              <th scope="row">{t(STAGE[row.stage])}</th>
              <td>
                <code>{shapeList(row.nhwc)}</code>
              </td>
              <td>
                <code>{shapeList(row.nchw)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="numbers-note">{t('shapes.note')}</p>
      {spec.channels === 'rgb' && <p className="numbers-note">{t('shapes.rgb')}</p>}
      {depthwise && (
        <p className="numbers-note">
          {t('shapes.depthwise', { f: spec.filters.length, m: geometry.conv.maps })}
        </p>
      )}
    </section>
  );
}
