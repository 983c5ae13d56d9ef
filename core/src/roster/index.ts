// Mapping roster spreadsheets (花名册) to cadre records: header detection and row validation, no I/O.
export { detectHeader, columnLetter, type HeaderDetection, type RosterColumn, type RosterMapping } from './detect-header.ts';
export { HEADER_SYNONYMS, REQUIRED_ROSTER_FIELDS, ROSTER_FIELDS, fieldLabel, normaliseHeader, type RosterField } from './header-synonyms.ts';
export { isBlankRosterRow, mapRosterRow, type RosterRecord, type RosterRowError, type RosterRowResult } from './map-roster-row.ts';
export { parseRosterDate, type DateParts } from './roster-date.ts';
export { EDUCATION_SYNONYMS, GENDER_SYNONYMS, RANK_SYNONYMS, splitSpecialties } from './value-synonyms.ts';
