/**
 * Why a Dense layer cannot take images (the notes' 문제점 2): the weights a Dense layer of N units needs on
 * the flattened image, H·W·C·N + N, against a convolution's kh·kw·C·F + F, which does not grow with the
 * image. The notes' example: a 500 × 500 gray image needs 250,000 weights for one hidden unit.
 */

export interface ParamCount {
  weights: number;
  biases: number;
  total: number;
}

/** A Dense layer of `units` units on the flattened height × width × channels image. */
export function denseParams(height: number, width: number, channels: number, units: number): ParamCount {
  const weights = height * width * channels * units;
  return { weights, biases: units, total: weights + units };
}

/** A convolution of `filters` filters of kh × kw over `channels` input channels (2-D filters counted per channel). */
export function convParams(kh: number, kw: number, channels: number, filters: number): ParamCount {
  const weights = kh * kw * channels * filters;
  return { weights, biases: filters, total: weights + filters };
}

/** The notes' example: a 500 × 500 image flattened into one hidden unit. */
export const NOTES_DENSE_EXAMPLE = { height: 500, width: 500, channels: 1, units: 1 } as const;
