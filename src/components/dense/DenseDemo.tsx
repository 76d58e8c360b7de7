import { useRef } from 'react';
import { isDepthwise } from '../../core/index.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { editedSpec, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { useScrollToDemo } from '../useScrollToDemo.ts';
import { DenseBars, type Bar } from './DenseBars.tsx';
import { DenseUnits } from './DenseUnits.tsx';
import { compareDense, ratio } from './denseCounts.ts';
import './dense.css';

/**
 * Dense against convolution (docs/demos.md): the weights a Dense layer of N units needs on the edited
 * layer's input, flattened, against that layer's convolution and the notes' 500 × 500 example; each
 * count written as its formula with the real numbers, and drawn on a log scale.
 */
export function DenseDemo() {
  const ref = useRef<HTMLDivElement>(null);
  useScrollToDemo('dense', ref);
  const t = useT();
  const language = useLanguage();
  const units = useStore((s) => s.denseUnits);
  const editing = useStore((s) => s.editing);
  const spec = useStore(editedSpec);
  const geometry = useGeometry();
  const fmt = (n: number) => n.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-US');
  if (!geometry) {
    return (
      <div ref={ref} className="dense-demo">
        <p className="dense-note">{t('dense.noImage')}</p>
      </div>
    );
  }
  const c = compareDense(spec, geometry, units);
  const layer = editing + 1;
  const { height: h, width: w, channels } = c.input;
  const { kh, kw, filters } = c.conv;
  const conv = c.convCount.total;
  const times = (total: number) =>
    total === conv ? t('dense.same') : t('dense.times', { ratio: fmt(ratio(total, conv)) });
  const rows = [
    {
      key: 'dense',
      name: t('dense.row.dense', { n: fmt(units), layer }),
      symbols: t('dense.formula.dense'),
      numbers: `${h} × ${w} × ${channels} × ${units} + ${units}`,
      total: c.dense.total,
    },
    {
      key: 'conv',
      name: t('dense.row.conv', { layer }),
      symbols: t(isDepthwise(spec) ? 'dense.formula.depthwise' : 'dense.formula.conv'),
      numbers: `${kh} × ${kw} × ${channels} × ${filters} + ${c.convCount.biases}`,
      total: conv,
    },
    {
      key: 'notes',
      name: t('dense.row.notes'),
      symbols: t('dense.formula.dense'),
      numbers: '500 × 500 × 1 × 1 + 1',
      total: c.notes.total,
    },
  ] as const;
  const bars: Bar[] = [
    { key: 'conv', tone: 'conv', label: t('dense.bar.conv'), value: conv, text: fmt(conv) },
    {
      key: 'dense',
      tone: 'dense',
      label: t('dense.bar.dense', { n: fmt(units) }),
      value: c.dense.total,
      text: `${fmt(c.dense.total)} (×${fmt(ratio(c.dense.total, conv))})`,
    },
    {
      key: 'notes',
      tone: 'notes',
      label: t('dense.bar.notes'),
      value: c.notes.total,
      text: `${fmt(c.notes.total)} (×${fmt(ratio(c.notes.total, conv))})`,
    },
  ];
  const chartText = t('dense.chartText', {
    items: bars.map((b) => `${b.label} ${b.text}`).join('; '),
  });
  const input =
    editing === 0
      ? t('dense.inputImage', { n: layer, h, w, c: channels, values: fmt(h * w * channels) })
      : t('dense.inputMaps', { n: layer, before: editing, h, w, c: channels, values: fmt(h * w * channels) });
  return (
    <div ref={ref} className="dense-demo" role="region" aria-label={t('dense.region')}>
      <p className="dense-why">{t('dense.why')}</p>
      <p className="dense-input">{input}</p>
      <DenseUnits />
      <ul className="dense-rows">
        {rows.map((row) => (
          <li key={row.key} className={`dense-row dense-row-${row.key}`} data-count={row.total}>
            <span className="dense-row-name">{row.name}</span>
            <code className="dense-row-formula">
              <span>{row.symbols}</span> = <span>{row.numbers}</span> = <span>{fmt(row.total)}</span>
            </code>
            <span className="dense-row-times">{row.key !== 'conv' && times(row.total)}</span>
          </li>
        ))}
      </ul>
      <DenseBars bars={bars} ariaLabel={chartText} />
    </div>
  );
}
