/**
 * Parses what a person types in a kernel cell: a number (`-2`, `0.5`, `1e-3`), or numbers joined by
 * `*` and `/` (`1/9`, `2*3`, `-1/16`). Never evaluates; returns null for anything else, and for a
 * result a float32 weight cannot hold (`1e39`, `1/0`).
 */
import { isFloat32Finite } from '../core/spec.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseCellValue(text: string): number | null {
  const compact = text.replace(/\s+/g, '').replace(/,/g, '.').replace(/[−–]/g, '-');
  if (!compact) return null;
  const parts = compact.split(/([*/×÷])/);
  let value = Number.NaN;
  let op = '*';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 1) {
      op = part === '/' || part === '÷' ? '/' : '*';
      continue;
    }
    if (!NUMBER.test(part)) return null;
    const n = Number(part);
    value = i === 0 ? n : op === '/' ? value / n : value * n;
  }
  return isFloat32Finite(value) ? value : null;
}
