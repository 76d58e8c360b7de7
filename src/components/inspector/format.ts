/**
 * Numbers as the inspector writes them: at most 2 decimals (3 below 1, 1 from 1000), no trailing zeros,
 * a real minus sign (U+2212), and never "−0".
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value).replace('-', '−');
  const size = Math.abs(value);
  const digits = size >= 1000 ? 1 : size >= 1 ? 2 : 3;
  let text = value
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  if (text === '-0') text = '0';
  return text.replace('-', '−');
}

/** A term after a plus sign: "+ 3" or "− 3" (so sums read "a + b − c"). */
export function signedTerm(value: number): string {
  const text = formatNumber(value);
  return text.startsWith('−') ? `− ${text.slice(1)}` : `+ ${text}`;
}

/** 1-based row or column as shown to people (0-based inside the code). */
export function oneBased(index: number): number {
  return index + 1;
}

/** A 1-based row or column that may lie in the padding (0 or negative), with a real minus sign. */
export function rowText(index: number): string {
  return formatNumber(index + 1);
}

/** A window's first and last rows and columns, 1-based, as the field messages take them. */
export function rectText(w: { top: number; left: number; height: number; width: number }) {
  return {
    top: rowText(w.top),
    bottom: rowText(w.top + w.height - 1),
    left: rowText(w.left),
    right: rowText(w.left + w.width - 1),
  };
}
