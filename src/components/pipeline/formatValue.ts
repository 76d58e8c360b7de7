/** A map value for a legend: few digits, a real minus sign, no trailing zeros. */
export function formatValue(value: number): string {
  const size = Math.abs(value);
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  const text = value
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  const clean = text === '-0' ? '0' : text;
  return clean.replace('-', '−');
}
