// Strings of the topics feature (issue 5), Chinese first; keys are prefixed `topics.`.
export const zh = {
  'topics.title': '研究课题',
};

export const en: Record<keyof typeof zh, string> = {
  'topics.title': 'Research topics',
};
