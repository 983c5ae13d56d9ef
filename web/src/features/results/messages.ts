// Strings of the results feature (issue 5), Chinese first; keys are prefixed `results.`.
export const zh = {
  'results.title': '成果落地',
};

export const en: Record<keyof typeof zh, string> = {
  'results.title': 'Results & landing',
};
