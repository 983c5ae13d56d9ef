// Citizen ID numbers and masking of personal identifiers.
export { validateIdNumber, makeIdNumber, idCheckChar, isCalendarDate, localToday, type IdNumberCheck } from './id-number.ts';
export { maskIdNumber, maskMobile } from './mask.ts';
