import type { LayerGeometry, LayerSpec } from '../../core/index.ts';
import { useT, type Translate } from '../../i18n/index.ts';
import { editedSpec, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { RESULT_NAME } from './resultNames.ts';
import {
  convFormulas,
  courseText,
  formulaText,
  poolFormulas,
  sameText,
  type AxisFormula,
} from './formula.ts';

/** The general formula, with subscripts. */
function General() {
  return (
    <p className="formula-general">
      out = ⌊(W + P<sub>before</sub> + P<sub>after</sub> − D·(F − 1) − 1) / S⌋ + 1
    </p>
  );
}

function dropText(t: Translate, f: AxisFormula): string | null {
  if (f.dropped === 0) return null;
  const rows = f.axis === 'height';
  const one = f.dropped === 1;
  const key = rows
    ? one
      ? 'formula.dropRow'
      : 'formula.dropRows'
    : one
      ? 'formula.dropCol'
      : 'formula.dropCols';
  const base = t(key, { numerator: f.numerator, s: f.stride, count: f.dropped });
  const pad = f.dropped - f.droppedImage;
  if (pad === 0) return base;
  if (f.droppedImage === 0) return `${base} ${t('formula.dropPadOnly')}`;
  return `${base} ${t('formula.dropSomePad', { pad })}`;
}

function AxisLine({ f, pool, course: showCourse }: { f: AxisFormula; pool: boolean; course: boolean }) {
  const t = useT();
  const same = sameText(f);
  const course = showCourse ? courseText(f) : null;
  const drop = dropText(t, f);
  const sameKey = f.axis === 'height' ? 'formula.sameH' : 'formula.sameW';
  return (
    <li>
      <strong>{t(f.axis === 'height' ? 'formula.axisH' : 'formula.axisW')}</strong>:{' '}
      <code className="formula-line">{formulaText(f)}</code>
      {same && f.same && (
        <div className="formula-note">
          {t(sameKey, { total: f.same.total, before: f.same.before, after: f.same.after })}{' '}
          <code>({same})</code>
          {pool && f.same.total > 0 && <>; {t('formula.poolSame')}</>}
        </div>
      )}
      {drop && <div className="formula-note">{drop}</div>}
      {course && (
        <div className="formula-note formula-course">
          {t('formula.course')} <code>{course}</code>
        </div>
      )}
    </li>
  );
}

function Formulas({ spec, geometry }: { spec: LayerSpec; geometry: LayerGeometry }) {
  const t = useT();
  const conv = convFormulas(spec, geometry);
  const pool = poolFormulas(spec, geometry);
  // The course notes' form, once when both axes read the same, else under each axis.
  const courses = conv.map(courseText);
  const sharedCourse = courses[0] !== null && courses[0] === courses[1] ? courses[0] : null;
  return (
    <>
      <h3>{t('formula.conv')}</h3>
      <ul className="formula-axes">
        {conv.map((f) => (
          <AxisLine key={f.axis} f={f} pool={false} course={sharedCourse === null} />
        ))}
      </ul>
      {sharedCourse && (
        <p className="formula-note formula-course">
          {t('formula.course')} <code>{sharedCourse}</code>
        </p>
      )}
      <h3>
        {t('formula.pooling', {
          size: spec.pool.size.join(' × '),
          stride: spec.pool.stride.join(' × '),
        })}
      </h3>
      <ul className="formula-axes">
        {pool.map((f) => (
          <AxisLine key={f.axis} f={f} pool course={false} />
        ))}
      </ul>
    </>
  );
}

/** In a network: which layer the formula is for, and that its W is the result the layer before feeds on. */
function LayerNote({ geometry }: { geometry: LayerGeometry }) {
  const t = useT();
  const editing = useStore((s) => s.editing);
  const layers = useStore((s) => s.network.layers);
  if (layers.length < 2) return null;
  const before = layers[editing - 1];
  const { height, width, channels } = geometry.input;
  const size = channels > 1 ? `${height} × ${width} × ${channels}` : `${height} × ${width}`;
  const input = before
    ? t('formula.inputFed', { n: editing, result: t(RESULT_NAME[before.output]) })
    : t('formula.inputImage');
  return (
    <p className="formula-layer">
      {t('formula.layer', { n: editing + 1, count: layers.length, input, size })}
    </p>
  );
}

/**
 * The output-size formula with the current numbers, per axis, for the convolution and then the pooling:
 * SAME's split of the padding and the rows or columns the floor drops are written out. In a network it is
 * the edited layer's, its input being the result the layer before feeds on.
 */
export function FormulaPanel() {
  const t = useT();
  const spec = useStore((s) => editedSpec(s));
  const geometry = useGeometry();
  if (!geometry) return null;
  return (
    <section className="panel formula" aria-labelledby="formula-heading">
      <h2 id="formula-heading">{t('formula.heading')}</h2>
      <LayerNote geometry={geometry} />
      <General />
      <p className="formula-legend">{t('formula.legend')}</p>
      <Formulas spec={spec} geometry={geometry} />
    </section>
  );
}
