// Strings of the selection feature (issue 4), Chinese first; keys are prefixed `selection.`.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
