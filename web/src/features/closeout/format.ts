// Number formats shared by the closeout pages.

/** 0.8571 → "85.7%" (rounded down, so 85.71 % never shows as the 85.8 % it did not reach). */
export const percent = (rate: number): string => `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`;

/** Hours with at most one decimal: 21, 20.5. */
export const hours = (h: number): string => String(Math.round(h * 10) / 10);

/** 2026-05-11 or an ISO instant → 2026-05-11 (Beijing date for instants). */
export const dateOf = (iso: string): string => (iso.length <= 10 ? iso : new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10));
