import { useState } from 'react';
import { EXAMPLES, lessonHash } from '../../examples/examples.ts';
import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import './lesson.css';

/** Remembered in this browser once the person hides the introduction. */
const HIDDEN_KEY = 'kernelscope.intro.hidden';

function readHidden(): boolean {
  try {
    return globalThis.localStorage?.getItem(HIDDEN_KEY) === '1';
  } catch {
    return false; // storage refused (privacy settings): show it
  }
}

function writeHidden(): void {
  try {
    globalThis.localStorage?.setItem(HIDDEN_KEY, '1');
  } catch {
    // Not remembered; it stays hidden until the page is reloaded.
  }
}

/** One paragraph at the top: what the page shows and what to try first; a way into the lesson. */
export function Intro() {
  const t = useT();
  const [hidden, setHidden] = useState(readHidden);
  // During the lesson its own paragraph says what to look at.
  const inLesson = useStore((s) => s.lesson !== null);
  if (hidden || inLesson) return null;
  return (
    <section className="intro" aria-labelledby="intro-heading">
      <h2 id="intro-heading" className="visually-hidden">
        {t('intro.heading')}
      </h2>
      <p>{t('intro.text')}</p>
      <div className="intro-actions">
        <a className="button" href={`#${lessonHash(1)}`}>
          {t('intro.lesson', { steps: EXAMPLES.length })}
        </a>
        <button
          type="button"
          onClick={() => {
            writeHidden();
            setHidden(true);
          }}
        >
          {t('intro.hide')}
        </button>
      </div>
    </section>
  );
}
