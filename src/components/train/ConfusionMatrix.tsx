/**
 * The held-out confusion matrix as a real <table>: a row per true class, a column per predicted class,
 * the class names in the page's language, each cell shaded by its count (right answers on the diagonal
 * in blue, mistakes in vermilion, each hue scaled to its own largest count), each class's accuracy in the
 * last column and the overall accuracy in the caption.
 */
import { memo, useId, useMemo } from 'react';
import { translate, useLanguage, type Language, type Params, type MessageKey } from '../../i18n/index.ts';
import { confusionSummary, shade } from './confusion.ts';
import { className } from './trainImages.ts';
import './trainResults.css';
import './confusion.css';

interface Props {
  /** confusion[true][predicted]: counts. */
  confusion: number[][];
  /** The language to write in; by default the page's. */
  language?: Language;
}

/** Accuracy as people read it: a percentage with one decimal. */
function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '–';
}

export const ConfusionMatrix = memo(function ConfusionMatrix({ confusion, language }: Props) {
  const pageLanguage = useLanguage();
  const lang = language ?? pageLanguage;
  const t = useMemo(() => (key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  const headingId = useId();
  const summary = useMemo(() => confusionSummary(confusion), [confusion]);
  const names = confusion.map((_, i) => className(t, i));
  const caption = t('confusion.caption', { total: summary.total, accuracy: percent(summary.accuracy) });

  return (
    <section className="confusion">
      <h3 id={headingId}>{t('confusion.heading')}</h3>
      {/* Shown above the scroller so a narrow screen never cuts it; the table's own caption (the same
          words) names the table for screen readers, so this copy is hidden from them. */}
      <p className="confusion-summary" aria-hidden="true">
        {caption}
      </p>
      {/* A focusable scroller: keyboard users can scroll the table sideways on a narrow screen. */}
      <div className="confusion-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <td className="confusion-corner">
                <span>{t('confusion.predicted')} →</span>
                <span>{t('confusion.trueClass')} ↓</span>
              </td>
              {names.map((name, j) => (
                <th key={j} scope="col" className="confusion-col">
                  <span>{name}</span>
                </th>
              ))}
              <th scope="col" className="confusion-col confusion-accuracy-head">
                <span>{t('confusion.classAccuracy')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {confusion.map((row, i) => (
              <tr key={i}>
                <th scope="row">{names[i]}</th>
                {row.map((count, j) => {
                  const right = i === j;
                  const background = shade(count, right ? summary.mostRight : summary.mostWrong, right);
                  const title = right
                    ? t('confusion.correct', { count, total: summary.rowTotals[i]!, truth: names[i]! })
                    : t('confusion.cell', { count, truth: names[i]!, said: names[j]! });
                  return (
                    <td
                      key={j}
                      className={count === 0 ? 'zero' : undefined}
                      style={{ background }}
                      title={title}
                    >
                      {count}
                    </td>
                  );
                })}
                <td className="confusion-accuracy">{percent(summary.classAccuracy[i]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
