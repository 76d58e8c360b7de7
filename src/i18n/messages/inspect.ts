/** The inspector: one output pixel's receptive field and computation. */
export const en = {} as const;

export const ko: Record<keyof typeof en, string> = {};
