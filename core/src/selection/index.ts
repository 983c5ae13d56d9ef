// Selection (选调/选派): eligibility rules as data, quota usage and live shares. Pure; see README.md.
export * from './types.ts';
export { completedYears, periodsOverlap, isIsoDate } from './dates.ts';
export { checkEligibility, validateSelectionRules, parseStoredRules, referenceDay, nominationOpen } from './eligibility.ts';
export { quotaUsage, selectionShares, QUOTA_HOLDING_STATUSES, PENDING_STATUSES } from './shares.ts';
export type { QuotaLike, NominationLike, QuotaUsage, ShareMember, ShareReport } from './shares.ts';
