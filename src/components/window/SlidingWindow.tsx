import { useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { useScrollToDemo } from '../useScrollToDemo.ts';

/** The sliding window (docs/demos.md): placeholder until built. */
export function SlidingWindow() {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  useScrollToDemo('window', ref);
  return (
    <section ref={ref} className="sliding-window" aria-label={t('window.heading')}>
      <h2>{t('window.heading')}</h2>
    </section>
  );
}
