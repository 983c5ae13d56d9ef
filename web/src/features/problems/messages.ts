// Strings of the problems feature (issue 5), Chinese first; keys are prefixed `problems.`.
export const zh = {
  'problems.title': '问题清单',
};

export const en: Record<keyof typeof zh, string> = {
  'problems.title': 'Problem list',
};
