import type { LayerGeometry, LayerSpec, NetworkSpec } from '../../core/index.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { LayerOrNetwork } from './LayerOrNetwork.tsx';
import { networkTable } from './networkTable.ts';
import { layerParams } from './tensorShapes.ts';

function useFormat(): (n: number) => string {
  const language = useLanguage();
  return (n: number) => n.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-US');
}

/** One layer: weights, biases and multiply-adds, each with the product that gives it. */
function LayerParams({ spec, geometry }: { spec: LayerSpec; geometry: LayerGeometry }) {
  const t = useT();
  const fmt = useFormat();
  const p = layerParams(spec, geometry);
  const [kh, kw] = geometry.kernel;
  const c = geometry.input.channels;
  const f = spec.filters.length;
  const { height, width, maps } = geometry.conv;
  return (
    <>
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
    </>
  );
}

/** One row of the cost table: a label, then weights, biases, parameters and multiply-adds as written. */
function CostRow({ label, cells }: { label: string; cells: readonly string[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {cells.map((cell, i) => (
        <td key={i}>
          <code>{cell}</code>
        </td>
      ))}
    </tr>
  );
}

/** Every layer's weights, biases, parameters and multiply-adds (`networkCost`), and the network's totals. */
function NetworkParams({ network, geometries }: { network: NetworkSpec; geometries: LayerGeometry[] }) {
  const t = useT();
  const fmt = useFormat();
  const { layers, total } = networkTable(network, geometries);
  return (
    <>
      <table className="numbers-table numbers-cost">
        <thead>
          <tr>
            <th scope="col">{t('params.layer')}</th>
            <th scope="col">{t('params.weights')}</th>
            <th scope="col">{t('params.biases')}</th>
            <th scope="col">{t('params.total')}</th>
            <th scope="col">{t('params.macs')}</th>
          </tr>
        </thead>
        <tbody>
          {layers.map(({ layer, cost, params }) => {
            const geometry = geometries[layer] as LayerGeometry;
            const [kh, kw] = geometry.kernel;
            const f = network.layers[layer]?.filters.length ?? 0;
            const { height, width, maps } = geometry.conv;
            return (
              <CostRow
                key={layer}
                label={t('shapes.layer', { n: layer + 1 })}
                cells={[
                  `${kh} × ${kw} × ${geometry.input.channels} × ${f} = ${fmt(cost.weights)}`,
                  fmt(cost.biases),
                  fmt(cost.parameters),
                  `${height} × ${width} × ${maps} × ${params.macsPerOutput} = ${fmt(cost.multiplyAdds)}`,
                ]}
              />
            );
          })}
        </tbody>
        <tfoot>
          <CostRow
            label={t('params.network')}
            cells={[total.weights, total.biases, total.parameters, total.multiplyAdds].map(fmt)}
          />
        </tfoot>
      </table>
      <p className="numbers-note">{t('params.networkNote')}</p>
    </>
  );
}

/** Parameters and multiply-adds: of the layer, or per layer and in total for a network. */
export function ParamsPanel() {
  return (
    <LayerOrNetwork
      className="params"
      heading="params.heading"
      layer={(spec, geometry) => <LayerParams spec={spec} geometry={geometry} />}
      network={(network, geometries) => <NetworkParams network={network} geometries={geometries} />}
    />
  );
}
