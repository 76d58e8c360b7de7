/** Strings of the learn part of the page (filled in by its owner). */
export const en = {};

export const ko: Record<keyof typeof en, string> = {};
