import { useRef } from 'react';
import { useScrollToDemo } from '../useScrollToDemo.ts';

/** Stride against pooling, and moving the picture (docs/demos.md): placeholder until built. */
export function ShrinkDemo() {
  const ref = useRef<HTMLDivElement>(null);
  useScrollToDemo('shrink', ref);
  return <div ref={ref} className="shrink-demo" />;
}
