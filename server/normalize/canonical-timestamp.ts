import { isTimestamp } from '../xapi/validation/formats.js';

// What xAPI accepts (ISO 8601 with a zone) in the parts that have more than one way of being written.
const WRITTEN = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;
// The one way every LRS takes: seconds, a point, at most nine digits, `Z` or `±HH:MM`.
const COMMON = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * N-3: a timestamp the game sent, written the way every LRS takes it; null when it is no time at all (it is then
 * replaced by `stored`). xAPI accepts `+0100`, `10:00Z` without seconds, a lower-case `z` or a decimal comma, and so
 * does Aula's /xapi resource, but Learning Locker's validator refuses some of them: before, such a timestamp was
 * replaced by the time Aula stored the statement, so the moment the game recorded was lost to the central LRS. The
 * same instant in the same offset is written instead (the fraction cut to nanoseconds).
 */
export function canonicalTimestamp(value: string): string | null {
  // xAPI's own rules first (no 30 February, no 24:00, no -00:00), which JavaScript's Date.parse lets through.
  if (!isTimestamp(value)) return null;
  if (COMMON.test(value)) return Number.isNaN(Date.parse(value)) ? null : value;
  const parts = WRITTEN.exec(value);
  if (!parts) return null;
  const [, date, hour, minute, second = '00', fraction, sign, zoneHour, zoneMinute = '00'] = parts;
  const zone = sign === undefined ? 'Z' : `${sign}${zoneHour}:${zoneMinute}`;
  const written = `${date}T${hour}:${minute}:${second}${fraction === undefined ? '' : `.${fraction.slice(0, 9)}`}${zone}`;
  // A leap second (:60) is valid xAPI but no instant JavaScript or SQLite can order: replaced, as before.
  return Number.isNaN(Date.parse(written)) ? null : written;
}
