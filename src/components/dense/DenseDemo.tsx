import { useRef } from 'react';
import { useScrollToDemo } from '../useScrollToDemo.ts';

/** Dense against convolution (docs/demos.md): placeholder until built. */
export function DenseDemo() {
  const ref = useRef<HTMLDivElement>(null);
  useScrollToDemo('dense', ref);
  return <div ref={ref} className="dense-demo" />;
}
