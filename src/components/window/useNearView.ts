import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is on screen or close to it (followed as the page scrolls); true where the
 * browser cannot tell. A deeper layer's input is read back after each edit, so only while it is seen.
 */
export function useNearView(ref: RefObject<Element | null>, margin = '400px'): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => entry && setNear(entry.isIntersecting), {
      rootMargin: margin,
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin]);
  return near;
}
