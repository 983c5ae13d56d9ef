// Strings of the trace feature (issue 5), Chinese first; keys are prefixed `trace.`.
export const zh = {
  'trace.title': '溯源漏斗',
};

export const en: Record<keyof typeof zh, string> = {
  'trace.title': 'Traceability',
};
