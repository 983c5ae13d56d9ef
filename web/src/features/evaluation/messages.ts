// Strings of the evaluation feature (issue 5), Chinese first; keys are prefixed `evaluation.`.
export const zh = {
  'evaluation.title': '综合评价',
};

export const en: Record<keyof typeof zh, string> = {
  'evaluation.title': 'Final evaluation',
};
