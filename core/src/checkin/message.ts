// The bilingual message every check-in outcome carries, so screens show a reason without a lookup table.

/** A user-facing sentence in Chinese (shown by default) and English. */
export type CheckinMessage = { zh: string; en: string };
