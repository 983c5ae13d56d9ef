// Attendance check-in: rotating signed QR tokens, the check-in time window and the venue geofence. No I/O.
export type { CheckinMessage } from './message.ts';
export {
  DEFAULT_ACCEPT_PREVIOUS_STEPS,
  DEFAULT_STEP_SECONDS,
  checkinStep,
  checkinUrl,
  createCheckinToken,
  deriveCheckinSecret,
  parseCheckinUrl,
  verifyCheckinToken,
  type CheckinClaims,
  type CheckinTokenCheck,
  type CheckinTokenFailure,
} from './token.ts';
export {
  DEFAULT_CHECKIN_POLICY,
  beijingTime,
  checkinWindow,
  classifyCheckin,
  type CheckinClassification,
  type CheckinPolicy,
  type CheckinSession,
  type CheckinWindow,
} from './window.ts';
export {
  DEFAULT_ACCURACY_ALLOWANCE_CAP_M,
  DEFAULT_GEOFENCE_RADIUS_M,
  EARTH_MEAN_RADIUS_M,
  distanceMeters,
  gcj02ToWgs84,
  wgs84ToGcj02,
  withinGeofence,
  type GeofenceCheck,
  type LatLng,
  type ReportedPosition,
} from './geo.ts';
