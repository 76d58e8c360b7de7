import type { CSSProperties } from 'react';
import type { CellRect } from '../../core/cellWindows.ts';

/**
 * A rectangle of a map's cells as CSS, in percentages of the map so it scales with the canvas. The canvas
 * has a 1px border (styles.css `.tensor-canvas`): the map starts 1px inside the box.
 */
export function place(rect: CellRect, height: number, width: number): CSSProperties {
  const at = (cells: number, size: number) => `calc(1px + (100% - 2px) * ${cells / size})`;
  const span = (cells: number, size: number) => `calc((100% - 2px) * ${cells / size})`;
  return {
    top: at(rect.top, height),
    left: at(rect.left, width),
    height: span(rect.height, height),
    width: span(rect.width, width),
  };
}
