/** Strings of dense against convolution (src/components/dense/). */
export const en = {};

export const ko: Record<keyof typeof en, string> = {};
