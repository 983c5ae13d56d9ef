// Strings of the milestones feature (issue 5), Chinese first; keys are prefixed `milestones.`.
export const zh = {
  'milestones.title': '课题过程管控',
};

export const en: Record<keyof typeof zh, string> = {
  'milestones.title': 'Milestones',
};
