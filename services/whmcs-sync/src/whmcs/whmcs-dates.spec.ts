import { whmcsDateToInstant } from './whmcs-dates';

describe(whmcsDateToInstant.name, () => {
  it('should read a server-local date in the WHMCS timezone, summer and winter', () => {
    expect(whmcsDateToInstant('2025-07-01 12:00:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2025-07-01T10:00:00.000Z',
    );
    expect(whmcsDateToInstant('2025-01-15 12:00:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2025-01-15T11:00:00.000Z',
    );
    expect(whmcsDateToInstant('2025-01-15 12:00:00', 'America/New_York')?.toISOString()).toBe(
      '2025-01-15T17:00:00.000Z',
    );
  });

  it.each(['0000-00-00 00:00:00', '', 'yesterday', '2025-01-15T12:00:00Z'])(
    'should give null for %j',
    (value) => {
      expect(whmcsDateToInstant(value, 'UTC')).toBeNull();
    },
  );
});
