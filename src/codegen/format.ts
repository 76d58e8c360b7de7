/**
 * Formatting shared by the code generators: numbers as source literals, filters as nested lists with one
 * row per line (the same text is valid JavaScript and Python), shapes and comments.
 */

/** A number as a source literal: integers as is, others to 9 significant digits (float32 needs 7-8). */
export function num(value: number): string {
  if (Object.is(value, -0) || value === 0) return '0';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(9)));
}

/** `[1, 2, 3]` */
export function list(values: readonly number[]): string {
  return `[${values.map(num).join(', ')}]`;
}

/** `(1, 2, 3)`, with the trailing comma Python needs for one element. */
export function tuple(values: readonly number[]): string {
  return values.length === 1 ? `(${num(values[0] ?? 0)},)` : `(${values.map(num).join(', ')})`;
}

type Cell = number | number[];

function cellText(cell: Cell, width: number): string {
  if (Array.isArray(cell)) return list(cell);
  return num(cell).padStart(width);
}

/**
 * Filters as nested lists, one matrix row per line, each filter introduced by a comment
 * (`# filter 1` or `// filter 1`), numbers right-aligned within a filter. Ends with a newline-free last line.
 */
export function filtersLiteral(
  filters: readonly (readonly (readonly Cell[])[])[],
  indent: string,
  unit: string,
  comment: '#' | '//',
): string {
  const lines: string[] = [];
  filters.forEach((filter, f) => {
    const width = Math.max(
      1,
      ...filter.flatMap((row) => row.map((cell) => (Array.isArray(cell) ? 0 : num(cell).length))),
    );
    lines.push(`${indent}${comment} filter ${f + 1}`);
    lines.push(`${indent}[`);
    for (const row of filter) {
      lines.push(`${indent}${unit}[${row.map((cell) => cellText(cell, width)).join(', ')}],`);
    }
    lines.push(`${indent}],`);
  });
  return lines.join('\n');
}

/** `28 × 28` */
export function times(values: readonly number[]): string {
  return values.join(' × ');
}
