/** Strings of the sliding window (src/components/window/). */
export const en = {
  'window.heading': 'Sliding window',
};

export const ko: Record<keyof typeof en, string> = {
  'window.heading': '슬라이딩 윈도우',
};
