// Great-circle distance and the travel time a timetable must leave between two venues.

/** Mean Earth radius in km (IUGG), the usual constant for haversine distances. */
const EARTH_RADIUS_KM = 6371.0088;

/** Haversine distance in km between two WGS-84 points given in degrees. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whole minutes needed to move between venues: driving time rounded up, plus a buffer for boarding and walking.
 * Rounding up keeps the rule stated in minutes, so "exactly enough" is a gap a planner can actually enter.
 */
export function requiredTravelMinutes(distanceKm: number, speedKmh: number, bufferMinutes: number): number {
  // The epsilon stops float noise (20.000000000000004) from costing a whole extra minute.
  return Math.max(0, Math.ceil((distanceKm / speedKmh) * 60 - 1e-9)) + bufferMinutes;
}
