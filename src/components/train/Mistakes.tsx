/**
 * Held-out images the trained model got wrong: up to 24, each drawn crisp at 3x on its own canvas and
 * captioned with its true class and what the model said, in the page's language.
 */
import { memo, useMemo } from 'react';
import { useT } from '../../i18n/index.ts';
import { IMAGE_SIZE } from '../../train/fashionMnist.ts';
import type { Sample } from '../../training/types.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { className, sampleRgba } from './trainImages.ts';
import './trainResults.css';

interface Props {
  mistakes: Sample[];
}

const MOST_SHOWN = 24;

/** A class name that wraps as a whole in a narrow caption ("T-shirt/top", "Ankle boot" stay on one line). */
function unbroken(name: string): string {
  return name.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
}
const SCALE = 3;

const Mistake = memo(function Mistake({ sample }: { sample: Sample }) {
  const t = useT();
  const rgba = useMemo(() => sampleRgba(sample, SCALE), [sample]);
  const truth = className(t, sample.label);
  const said = sample.predicted === undefined ? '?' : className(t, sample.predicted);
  return (
    <li>
      <figure>
        <PixelCanvas
          rgba={rgba}
          width={IMAGE_SIZE * SCALE}
          height={IMAGE_SIZE * SCALE}
          label={t('mistakes.alt', { index: sample.index, truth, said })}
        />
        <figcaption>{t('mistakes.caption', { truth: unbroken(truth), said: unbroken(said) })}</figcaption>
      </figure>
    </li>
  );
});

export const Mistakes = memo(function Mistakes({ mistakes }: Props) {
  const t = useT();
  const shown = mistakes.slice(0, MOST_SHOWN);
  return (
    <section className="mistakes">
      <h3>{t('mistakes.heading')}</h3>
      {shown.length === 0 ? (
        <p className="train-views-note">{t('mistakes.none')}</p>
      ) : (
        <>
          <p className="train-views-note">{t('mistakes.count', { shown: shown.length })}</p>
          <ul className="mistakes-gallery">
            {shown.map((sample) => (
              <Mistake key={sample.index} sample={sample} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
