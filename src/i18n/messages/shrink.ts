/** Strings of stride against pooling and the translation test (src/components/shrink/). */
export const en = {};

export const ko: Record<keyof typeof en, string> = {};
