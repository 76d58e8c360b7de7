import { EXAMPLES, lessonHash } from '../../examples/examples.ts';
import { useT } from '../../i18n/index.ts';
import { setLessonStep, useStore } from '../../store/index.ts';
import './lesson.css';

/**
 * The lesson path through the course-note examples: step k of n, what to look at, and links to the
 * previous and next steps (each step is a share link with `lesson=k`, so it can be bookmarked or sent).
 */
export function Lesson() {
  const t = useT();
  const step = useStore((s) => s.lesson);
  const example = step === null ? undefined : EXAMPLES[step - 1];
  if (step === null || !example) return null;
  const steps = EXAMPLES.length;
  return (
    <section className="lesson" aria-label={t('lesson.region')}>
      <div className="lesson-text">
        <h2>
          <span className="lesson-step">{t('lesson.step', { step, steps })}:</span> {t(example.title)}
        </h2>
        <p>{t(example.lesson)}</p>
      </div>
      <div className="lesson-nav">
        {step > 1 ? (
          <a className="button" href={`#${lessonHash(step - 1)}`}>
            <span aria-hidden="true">← </span>
            {t('lesson.previous')}
          </a>
        ) : (
          <span />
        )}
        {step < steps && (
          <a className="button" href={`#${lessonHash(step + 1)}`}>
            {t('lesson.next')}
            <span aria-hidden="true"> →</span>
          </a>
        )}
        <button type="button" onClick={() => setLessonStep(null)}>
          {t('lesson.close')}
        </button>
      </div>
    </section>
  );
}
