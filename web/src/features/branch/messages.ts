// Strings of the branch feature (issue 5), Chinese first; keys are prefixed `branch.`.
export const zh = {
  'branch.title': '临时党支部',
};

export const en: Record<keyof typeof zh, string> = {
  'branch.title': 'Party branch',
};
