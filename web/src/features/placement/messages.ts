// Strings of the placement feature (issue 4), Chinese first; keys are prefixed `placement.`.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
