import type { Activation } from './spec.ts';

/** One value through the activation (the tensor form is activation.ts `activate`). */
export function activateValue(kind: Activation, x: number): number {
  switch (kind) {
    case 'none':
      return x;
    case 'relu':
      return x > 0 ? x : 0;
    case 'abs':
      return Math.abs(x);
    case 'clip':
      return x < 0 ? 0 : x > 255 ? 255 : x;
  }
}
