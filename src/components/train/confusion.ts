/**
 * The numbers and shades of the confusion matrix (ConfusionMatrix.tsx): totals, overall and per-class
 * accuracy, and a cell's background. Pure, for the unit tests.
 */

export interface ConfusionSummary {
  total: number;
  /** Right answers over all images (NaN with none). */
  accuracy: number;
  rowTotals: number[];
  /** Per true class: right answers over its images (NaN for a class with none). */
  classAccuracy: number[];
  /** The largest diagonal count and the largest off-diagonal count: each hue's full shade. */
  mostRight: number;
  mostWrong: number;
}

export function confusionSummary(confusion: readonly (readonly number[])[]): ConfusionSummary {
  let total = 0;
  let right = 0;
  let mostRight = 0;
  let mostWrong = 0;
  const rowTotals = confusion.map((row, i) => {
    let sum = 0;
    row.forEach((count, j) => {
      sum += count;
      if (i === j) {
        right += count;
        mostRight = Math.max(mostRight, count);
      } else mostWrong = Math.max(mostWrong, count);
    });
    total += sum;
    return sum;
  });
  const classAccuracy = confusion.map((row, i) => (rowTotals[i]! > 0 ? (row[i] ?? 0) / rowTotals[i]! : NaN));
  return { total, accuracy: total > 0 ? right / total : NaN, rowTotals, classAccuracy, mostRight, mostWrong };
}

/** The page's accent blue for right answers, Okabe–Ito vermilion for mistakes (as the chart palette). */
const RIGHT_RGB = '47, 111, 222';
const WRONG_RGB = '213, 94, 0';
/**
 * The strongest shade's opacity: over the white panel the darkest cell stays light enough for the page's
 * ink text (contrast above 6:1), so no cell needs white text.
 */
const MOST_ALPHA = 0.6;

/**
 * A cell's background: its hue at an opacity growing with count / most. Mistakes grow by the square root,
 * so a class confused once or twice still shows against an empty cell.
 */
export function shade(count: number, most: number, right: boolean): string {
  if (!(count > 0) || !(most > 0)) return 'transparent';
  const fraction = Math.min(1, count / most);
  const alpha = MOST_ALPHA * (right ? fraction : Math.sqrt(fraction));
  return `rgba(${right ? RIGHT_RGB : WRONG_RGB}, ${alpha.toFixed(3)})`;
}
