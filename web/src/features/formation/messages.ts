// Strings of the formation feature (issue 4), Chinese first; keys are prefixed `formation.`.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
