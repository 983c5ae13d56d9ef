// Personal iCal feed tokens: `<cadreId>-<HMAC>`; the HMAC key is derived from DATA_KEY with a fixed label, so
// no database column is needed and rotating DATA_KEY revokes every feed URL.
import { createHmac, timingSafeEqual } from 'node:crypto';

const LABEL = 'duibiao/timetable/calendar-feed/v1';
const FILE = /^(\d{1,12})-([0-9a-f]{32})\.ics$/;

export function createCalendarTokens(dataKey: string) {
  const key = createHmac('sha256', dataKey).update(LABEL).digest();
  const mac = (cadreId: number) => createHmac('sha256', key).update(String(cadreId)).digest('hex').slice(0, 32);
  return {
    /** The feed file name of a cadre, e.g. `42-9f…e1.ics`. */
    fileFor: (cadreId: number): string => `${cadreId}-${mac(cadreId)}.ics`,
    /** The cadre id a feed file name was issued for, or undefined when it was not issued by us. */
    verify(file: string): number | undefined {
      const m = FILE.exec(file);
      if (!m) return undefined;
      const cadreId = Number(m[1]);
      const expected = Buffer.from(mac(cadreId));
      return timingSafeEqual(expected, Buffer.from(m[2]!)) ? cadreId : undefined;
    },
  };
}
