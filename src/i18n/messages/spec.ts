/** Examples menu, reset, export and import of the spec. */
export const en = {} as const;

export const ko: Record<keyof typeof en, string> = {};
