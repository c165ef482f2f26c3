import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const WHMCS_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Converts a WHMCS `Y-m-d H:i:s` date, local to the WHMCS server's PHP timezone, to an instant.
 * Zero dates (`0000-00-00 00:00:00`, WHMCS for "never") and anything unparseable give null.
 */
export function whmcsDateToInstant(value: string, timeZone: string): Date | null {
  const match = WHMCS_DATE.exec(value.trim());
  if (match === null || match[1] === '0000') {
    return null;
  }
  const parsed = dayjs.tz(value.trim(), timeZone);
  return parsed.isValid() ? parsed.toDate() : null;
}
