/** The numbers: output-size formula, tensor shapes, parameter counts, code export. */
export const en = {
  'formula.heading': 'Output size',
  'formula.axisH': 'height',
  'formula.axisW': 'width',
  'formula.padNote': 'P = {before} + {after} pixels of padding',
  'formula.pool': 'pool',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'formula.heading': '출력 크기',
  'formula.axisH': '높이',
  'formula.axisW': '너비',
  'formula.padNote': 'P = {before} + {after} 픽셀 패딩',
  'formula.pool': '풀링',
};
