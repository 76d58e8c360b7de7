/** Actions of the kernel editor: cells, filters, presets, kernel operations. Each goes through updateSpec. */
import { updateSpec } from './store.ts';

export function setFilterCell(filter: number, row: number, col: number, value: number): boolean {
  return updateSpec((draft) => {
    const weights = draft.filters[filter]?.weights;
    const line = weights?.[row];
    if (!line || col >= line.length) return;
    const cell = line[col];
    if (Array.isArray(cell)) cell.fill(value);
    else (line as number[])[col] = value;
  });
}
