// Distance to the venue for on-site check-in, and the GCJ-02 (Chinese map apps) ↔ WGS-84 (phone GPS) conversion.
import type { CheckinMessage } from './message.ts';

/** Degrees; WGS-84 unless a function says otherwise. */
export type LatLng = { lat: number; lng: number };
/** A phone's reported position; `accuracyMeters` as the Geolocation API gives it (radius, 95 % confidence). */
export type ReportedPosition = LatLng & { accuracyMeters?: number };

/** Result of {@link withinGeofence}. */
export type GeofenceCheck = { ok: boolean; distanceMeters: number; message: CheckinMessage };

/** Mean Earth radius R1 of WGS-84 (IUGG), in metres. */
export const EARTH_MEAN_RADIUS_M = 6_371_008.8;
export const DEFAULT_GEOFENCE_RADIUS_M = 300;
export const DEFAULT_ACCURACY_ALLOWANCE_CAP_M = 200;

/** Great-circle distance in metres (haversine on the mean-radius sphere; within 0.5 % of the ellipsoid). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  assertLatLng(a);
  assertLatLng(b);
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  // min() guards against h creeping above 1 by rounding for antipodal points.
  return 2 * EARTH_MEAN_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whether a phone is close enough to the venue (both in WGS-84). The allowed radius is `radiusMeters` plus the
 * phone's reported accuracy, capped at `accuracyCapMeters` (default 200): indoors GPS often reports 50–150 m and a
 * trainee in the lecture hall must not be refused for it, while the cap keeps a phone claiming "±5 km" (coarse
 * network location, or a spoofer) from passing anywhere in town. Throws RangeError on out-of-range coordinates.
 */
export function withinGeofence(
  venue: LatLng,
  position: ReportedPosition,
  radiusMeters = DEFAULT_GEOFENCE_RADIUS_M,
  options: { accuracyCapMeters?: number } = {},
): GeofenceCheck {
  const cap = options.accuracyCapMeters ?? DEFAULT_ACCURACY_ALLOWANCE_CAP_M;
  const accuracy = position.accuracyMeters;
  // A missing, negative or NaN accuracy earns no allowance rather than an error: browsers do omit it.
  const allowance = accuracy !== undefined && Number.isFinite(accuracy) && accuracy > 0 ? Math.min(accuracy, cap) : 0;
  const distance = distanceMeters(venue, position);
  if (distance <= radiusMeters + allowance) return { ok: true, distanceMeters: distance, message: { zh: '位置核验通过', en: 'Location confirmed' } };
  const far = describeDistance(distance);
  return {
    ok: false,
    distanceMeters: distance,
    message: { zh: `您距签到地点约${far.zh}，请到达现场后再签到`, en: `You are about ${far.en} from the venue — check in once you are there` },
  };
}

// Krasovsky 1940 ellipsoid, which the GCJ-02 obfuscation uses.
const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_EE = 0.006_693_421_622_965_943;

/**
 * WGS-84 → GCJ-02, the published obfuscation formula used by Amap (高德), Tencent maps and Google Maps in China.
 * Outside a rough China bounding box the point is returned unchanged, as those services do.
 */
export function wgs84ToGcj02(point: LatLng): LatLng {
  assertLatLng(point);
  if (outOfChina(point)) return { lat: point.lat, lng: point.lng };
  const d = gcjDelta(point);
  return { lat: point.lat + d.lat, lng: point.lng + d.lng };
}

/**
 * GCJ-02 → WGS-84. The standard approximate inverse (subtract the offset computed at the GCJ point, 1–2 m off)
 * refined by fixed-point iteration to well under a centimetre. Store venues in WGS-84: coordinates picked in a
 * Chinese map app are GCJ-02 and sit a few hundred metres from where the phone's GPS puts the same door,
 * so convert them with this on input.
 */
export function gcj02ToWgs84(point: LatLng): LatLng {
  assertLatLng(point);
  if (outOfChina(point)) return { lat: point.lat, lng: point.lng };
  let wgs = { lat: point.lat, lng: point.lng };
  for (let i = 0; i < 10; i++) {
    const gcj = wgs84ToGcj02(wgs);
    const next = { lat: wgs.lat - (gcj.lat - point.lat), lng: wgs.lng - (gcj.lng - point.lng) };
    const moved = Math.abs(next.lat - wgs.lat) + Math.abs(next.lng - wgs.lng);
    wgs = next;
    // 1e-9° is ~0.1 mm; the offset's slope is tiny, so this is reached in 2–3 rounds.
    if (moved < 1e-9) break;
  }
  return wgs;
}

function gcjDelta(p: LatLng): LatLng {
  const x = p.lng - 105;
  const y = p.lat - 35;
  const radLat = (p.lat / 180) * Math.PI;
  const magic = 1 - KRASOVSKY_EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(x, y) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (transformLng(x, y) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: dLat, lng: dLng };
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** The box every GCJ-02 implementation uses; it also covers parts of neighbouring countries, as theirs do. */
function outOfChina(p: LatLng): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function describeDistance(meters: number): { zh: string; en: string } {
  if (meters < 1000) {
    const m = Math.round(meters / 10) * 10;
    return { zh: `${m} 米`, en: `${m} m` };
  }
  const km = (meters / 1000).toFixed(1);
  return { zh: `${km} 公里`, en: `${km} km` };
}

function assertLatLng(p: LatLng): void {
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng) || Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180) {
    throw new RangeError(`not a latitude/longitude in degrees: ${p.lat}, ${p.lng}`);
  }
}
