// Rules of the venue geofence and of the GCJ-02 ↔ WGS-84 conversion.
import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS_M, distanceMeters, gcj02ToWgs84, wgs84ToGcj02, withinGeofence } from './geo.ts';

// HIT Shenzhen campus area (S1 in DOMAIN.md), WGS-84.
const venue = { lat: 22.5876, lng: 113.9662 };
/** A point `meters` due north of `p`: along a meridian the haversine distance is exactly R·Δφ. */
const north = (p: { lat: number; lng: number }, meters: number) => ({ lat: p.lat + (meters / EARTH_MEAN_RADIUS_M) * (180 / Math.PI), lng: p.lng });

// Published test vector of googollee/eviltransform (Shenzhen): WGS-84 and its GCJ-02 image.
const shenzhenWgs = { lat: 22.543847, lng: 113.912316 };
const shenzhenGcj = { lat: 22.540796131694766, lng: 113.9171764808363 };

describe('distanceMeters', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceMeters(venue, venue)).toBe(0);
    const p = { lat: 22.5431, lng: 114.0579 };
    expect(distanceMeters(venue, p)).toBeCloseTo(distanceMeters(p, venue), 6);
  });

  it('matches known distances: 1° of meridian, and Shenzhen–Beijing', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195.08, 1);
    // Futian (Shenzhen) to Tiananmen (Beijing): ~1,943 km great-circle.
    const km = distanceMeters({ lat: 22.5431, lng: 114.0579 }, { lat: 39.9087, lng: 116.3975 }) / 1000;
    expect(km).toBeGreaterThan(1930);
    expect(km).toBeLessThan(1955);
  });

  it('throws RangeError on impossible coordinates', () => {
    expect(() => distanceMeters(venue, { lat: 91, lng: 0 })).toThrow(RangeError);
    expect(() => distanceMeters(venue, { lat: Number.NaN, lng: 0 })).toThrow(RangeError);
  });
});

describe('withinGeofence', () => {
  it('passes at radius − 1 m and fails at radius + 1 m without accuracy', () => {
    expect(withinGeofence(venue, north(venue, 299))).toMatchObject({ ok: true, message: { zh: '位置核验通过' } });
    const outside = withinGeofence(venue, north(venue, 301));
    expect(outside).toMatchObject({ ok: false, message: { zh: '您距签到地点约300 米，请到达现场后再签到' } });
    expect(outside.distanceMeters).toBeCloseTo(301, 6);
  });

  it('honours a custom radius', () => {
    expect(withinGeofence(venue, north(venue, 99), 100).ok).toBe(true);
    expect(withinGeofence(venue, north(venue, 101), 100).ok).toBe(false);
  });

  it('widens by the reported accuracy', () => {
    expect(withinGeofence(venue, { ...north(venue, 379), accuracyMeters: 80 }).ok).toBe(true);
    expect(withinGeofence(venue, { ...north(venue, 381), accuracyMeters: 80 }).ok).toBe(false);
  });

  it('caps the accuracy allowance at 200 m (or the given cap)', () => {
    expect(withinGeofence(venue, { ...north(venue, 499), accuracyMeters: 5000 }).ok).toBe(true);
    expect(withinGeofence(venue, { ...north(venue, 501), accuracyMeters: 5000 }).ok).toBe(false);
    expect(withinGeofence(venue, { ...north(venue, 351), accuracyMeters: 5000 }, 300, { accuracyCapMeters: 50 }).ok).toBe(false);
  });

  it('gives no allowance for a negative or NaN accuracy', () => {
    expect(withinGeofence(venue, { ...north(venue, 301), accuracyMeters: -50 }).ok).toBe(false);
    expect(withinGeofence(venue, { ...north(venue, 301), accuracyMeters: Number.NaN }).ok).toBe(false);
  });

  it('states far distances in km', () => {
    expect(withinGeofence(venue, north(venue, 12_345)).message).toEqual({
      zh: '您距签到地点约12.3 公里，请到达现场后再签到',
      en: 'You are about 12.3 km from the venue — check in once you are there',
    });
  });
});

describe('GCJ-02', () => {
  it('maps the published Shenzhen WGS-84 point to its GCJ-02 reference within 0.1 m', () => {
    expect(distanceMeters(wgs84ToGcj02(shenzhenWgs), shenzhenGcj)).toBeLessThan(0.1);
  });

  it('maps the Shenzhen GCJ-02 reference back to WGS-84 within 0.1 m', () => {
    expect(distanceMeters(gcj02ToWgs84(shenzhenGcj), shenzhenWgs)).toBeLessThan(0.1);
  });

  it('shows why venues must be converted: the offset in Shenzhen is hundreds of metres', () => {
    const offset = distanceMeters(shenzhenWgs, shenzhenGcj);
    expect(offset).toBeGreaterThan(300);
    expect(offset).toBeLessThan(800);
    // A venue picked on Amap and left in GCJ-02 would refuse a trainee standing at the door.
    expect(withinGeofence(shenzhenGcj, shenzhenWgs).ok).toBe(false);
    expect(withinGeofence(gcj02ToWgs84(shenzhenGcj), shenzhenWgs).ok).toBe(true);
  });

  it('round-trips WGS → GCJ → WGS within 1 cm across China', () => {
    for (const p of [venue, { lat: 39.9087, lng: 116.3975 }, { lat: 36.0671, lng: 120.3826 }, { lat: 45.8038, lng: 126.535 }, { lat: 31.75, lng: 119.97 }]) {
      expect(distanceMeters(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(0.01);
    }
  });

  it('leaves points outside China unchanged', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(gcj02ToWgs84(paris)).toEqual(paris);
  });
});
