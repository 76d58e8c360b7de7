/**
 * How a weight is written in an editable kernel cell: short enough for a small cell, precise enough that
 * a Gaussian's 0.00292 is not shown as 0. Integers as they are; below 1, three significant digits; up to
 * 100, two decimals; above, one. Trailing zeros are dropped. The cell keeps the exact value; this is display.
 */
export function formatCell(value: number, compact = false): string {
  if (Number.isInteger(value)) return String(value === 0 ? 0 : value);
  const abs = Math.abs(value);
  if (compact) return formatCompact(value, abs);
  const rounded = abs < 1 ? Number(value.toPrecision(3)) : Number(value.toFixed(abs < 100 ? 2 : 1));
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * For the small cells of wide grids (6 columns and up, and the R, G, B slices side by side): two significant
 * digits below 1 without the leading zero (".0092", "-.11", still valid input), one decimal below 10, whole
 * numbers above. The cell's tooltip keeps the exact value.
 */
function formatCompact(value: number, abs: number): string {
  let text: string;
  if (abs < 1) text = String(Number(value.toPrecision(2)));
  else if (abs < 10) text = String(Number(value.toFixed(1)));
  else text = String(Math.round(value));
  if (Number(text) === 0) return '0';
  return text.replace(/^(-?)0\./, '$1.');
}

/** A sum or other summary number: up to 4 decimals, noise (0.30000000000000004, -0) removed. */
export function formatSummary(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  return String(rounded === 0 ? 0 : rounded);
}
