import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { networkFieldTables, type FieldRow, type FieldTable } from './fieldSteps.ts';

const STEP_NAME = {
  conv: 'receptive.conv',
  maxpool: 'receptive.maxpool',
  avgpool: 'receptive.avgpool',
} as const;

/** The steps of one axis (or both, when they read the same): what each adds to r, r and j after it. */
function Steps({ table, square, caption }: { table: FieldTable; square: boolean; caption?: string }) {
  const t = useT();
  const size = (row: FieldRow) => (square ? `${row.size} × ${row.size}` : String(row.size));
  return (
    <table className="numbers-table receptive-steps">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('receptive.step')}</th>
          <th scope="col">{t('receptive.adds')}</th>
          <th scope="col">r</th>
          <th scope="col">j</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('receptive.input')}</th>
          <td />
          <td>
            <code>1</code>
          </td>
          <td>
            <code>1</code>
          </td>
        </tr>
        {table.rows.map((row, i) => (
          <tr key={i} className={row.kind === 'conv' ? 'receptive-conv' : undefined}>
            <th scope="row">
              {t(STEP_NAME[row.kind], { n: row.layer + 1, size: size(row), stride: row.stride })}
            </th>
            <td>
              <code>{row.adds}</code>
            </td>
            <td>
              <code>{row.r}</code>
            </td>
            <td>
              <code>{row.j}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The receptive field of each layer's feature maps, with its arithmetic written out step by step
 * (docs/spec.md, "Networks"): shown for networks of two layers or more.
 */
export function ReceptiveFieldPanel() {
  const t = useT();
  const network = useStore((s) => s.network);
  if (network.layers.length < 2) return null;
  const { rows, cols, same } = networkFieldTables(network);
  const fields = rows.layerFields.map((r, i) => {
    const c = cols.layerFields[i] ?? r;
    return r === c ? `${r} × ${r}` : `${r} × ${c}`;
  });
  return (
    <section className="panel receptive" aria-labelledby="receptive-heading">
      <h2 id="receptive-heading">{t('receptive.heading')}</h2>
      <p className="numbers-note">{t('receptive.intro')}</p>
      <ul className="receptive-layers">
        {fields.map((field, i) => (
          <li key={i}>{t('receptive.layer', { n: i + 1, field })}</li>
        ))}
      </ul>
      {same ? (
        <>
          <p>
            {t('receptive.chain')} <code>1 → {rows.chain}</code>
          </p>
          <Steps table={rows} square />
        </>
      ) : (
        <>
          <p>
            {t('receptive.axisH')}, {t('receptive.chain')} <code>1 → {rows.chain}</code>
          </p>
          <Steps table={rows} square={false} caption={t('receptive.axisH')} />
          <p>
            {t('receptive.axisW')}, {t('receptive.chain')} <code>1 → {cols.chain}</code>
          </p>
          <Steps table={cols} square={false} caption={t('receptive.axisW')} />
        </>
      )}
    </section>
  );
}
