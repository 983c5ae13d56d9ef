// Strings of the practicum feature (issue 4), Chinese first; keys are prefixed `practicum.`.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
