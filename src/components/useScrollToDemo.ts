import { useEffect, type RefObject } from 'react';
import { demoShown, useStore, type DemoId } from '../store/index.ts';

/** A demo a link (or the Examples menu) just opened scrolls itself into view, once. */
export function useScrollToDemo(demo: DemoId, ref: RefObject<HTMLElement | null>): void {
  const wanted = useStore((s) => s.scrollTo === demo);
  useEffect(() => {
    if (!wanted) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    ref.current?.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
    demoShown();
  }, [wanted, ref]);
}
