import type { LayerGeometry, LayerSpec, NetworkSpec } from '../../core/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { LayerOrNetwork } from './LayerOrNetwork.tsx';
import { FED_ROW, networkTable } from './networkTable.ts';
import { RESULT_NAME } from './resultNames.ts';
import { layerShapes, shapeList, type ShapeRow, type StageId } from './tensorShapes.ts';

const STAGE: Record<StageId, MessageKey> = {
  input: 'shapes.input',
  weights: 'shapes.weights',
  bias: 'shapes.bias',
  conv: 'shapes.conv',
  maxPool: 'shapes.maxPool',
  avgPool: 'shapes.avgPool',
};

function Row({ row, label }: { row: ShapeRow; label: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <code>{shapeList(row.nhwc)}</code>
      </td>
      <td>
        <code>{shapeList(row.nchw)}</code>
      </td>
    </tr>
  );
}

function Head() {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{t('shapes.stage')}</th>
        <th scope="col">{t('shapes.nhwc')}</th>
        <th scope="col">{t('shapes.nchw')}</th>
      </tr>
    </thead>
  );
}

/** One layer's tensors, as the page has always shown them. */
function LayerShapesTable({ spec, geometry }: { spec: LayerSpec; geometry: LayerGeometry }) {
  const t = useT();
  const { rows, depthwise } = layerShapes(spec, geometry);
  return (
    <>
      <table className="numbers-table">
        <Head />
        <tbody>
          {rows.map((row) => (
            <Row key={row.stage} row={row} label={t(STAGE[row.stage])} />
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
    </>
  );
}

/**
 * Every layer's tensors in one table, a row group per layer: its input (the image, or the result of the
 * layer before that it feeds on), weights, bias, feature maps and poolings, the result it passes on marked.
 */
function NetworkShapesTable({ network, geometries }: { network: NetworkSpec; geometries: LayerGeometry[] }) {
  const t = useT();
  const editing = useStore((s) => s.editing);
  const first = network.layers[0] as LayerSpec;
  const { layers } = networkTable(network, geometries);
  return (
    <>
      <table className="numbers-table numbers-network">
        <Head />
        {layers.map(({ layer, fedFrom, feeds, shapes }) => {
          const name = t('shapes.layer', { n: layer + 1 });
          const label = (row: ShapeRow): string => {
            if (row.stage === 'input' && fedFrom) {
              return t('shapes.inputFrom', { n: layer, result: t(RESULT_NAME[fedFrom]) });
            }
            const text = t(STAGE[row.stage]);
            return feeds && FED_ROW[feeds] === row.stage
              ? `${text} ${t('shapes.feeds', { n: layer + 2 })}`
              : text;
          };
          return (
            <tbody
              key={layer}
              aria-label={name}
              className={layer === editing ? 'numbers-editing' : undefined}
            >
              <tr>
                <th scope="rowgroup" colSpan={3} className="numbers-group">
                  {layer === editing ? t('shapes.editing', { n: layer + 1 }) : name}
                </th>
              </tr>
              {shapes.rows.map((row) => (
                <Row key={row.stage} row={row} label={label(row)} />
              ))}
            </tbody>
          );
        })}
      </table>
      <p className="numbers-note">{t('shapes.note')}</p>
      <p className="numbers-note">{t('shapes.networkNote')}</p>
      {first.channels === 'rgb' && <p className="numbers-note">{t('shapes.rgb')}</p>}
      {layers[0]?.shapes.depthwise && (
        <p className="numbers-note">
          {t('shapes.depthwise', { f: first.filters.length, m: geometries[0]?.conv.maps ?? 0 })}
        </p>
      )}
    </>
  );
}

/**
 * Tensors in both layouts, NHWC (TensorFlow, Keras, tfjs) and NCHW (PyTorch): the layer's, or every
 * layer's of a network in one table.
 */
export function ShapesTable() {
  return (
    <LayerOrNetwork
      className="shapes"
      heading="shapes.heading"
      layer={(spec, geometry) => <LayerShapesTable spec={spec} geometry={geometry} />}
      network={(network, geometries) => <NetworkShapesTable network={network} geometries={geometries} />}
    />
  );
}
