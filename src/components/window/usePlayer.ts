import { useEffect, useSyncExternalStore } from 'react';
import { setWindowDemo, store, useStore } from '../../store/index.ts';

const REDUCE = '(prefers-reduced-motion: reduce)';

function subscribeMotion(onChange: () => void): () => void {
  const query = typeof window !== 'undefined' ? window.matchMedia?.(REDUCE) : undefined;
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the person's system asks for reduced motion (followed live, as the setting can change). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeMotion,
    () => typeof window !== 'undefined' && !!window.matchMedia?.(REDUCE).matches,
    () => false,
  );
}

/**
 * While the window plays, moves it one stop on every 1/speed seconds and stops it at the last stop.
 * A timer reads the store at each tick, so a step or slider move made while playing is continued from.
 * Reduced motion never plays: a play state (from before the setting changed) is dropped.
 */
export function usePlayer(count: number, reduced: boolean): void {
  const playing = useStore((s) => s.window.playing);
  const speed = useStore((s) => s.window.speed);
  useEffect(() => {
    if (!playing) return;
    if (reduced || count < 1) {
      setWindowDemo({ playing: false });
      return;
    }
    const timer = window.setInterval(() => {
      const { stop, playing: still } = store.getState().window;
      if (!still) return;
      const next = Math.min(stop, count - 1) + 1;
      if (next >= count - 1) setWindowDemo({ stop: count - 1, playing: false });
      else setWindowDemo({ stop: next });
    }, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, reduced, count, speed]);
}
