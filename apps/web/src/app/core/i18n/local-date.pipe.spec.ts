/**
 * @jest-environment ./src/testing/time-zone-environment.cjs
 * @jest-environment-options {"timeZone": "Europe/Copenhagen"}
 */
import { registerLocaleData } from '@angular/common';
import localeDa from '@angular/common/locales/da';
import { formatLocalDate } from './local-date.pipe';

registerLocaleData(localeDa);

// Runs in Danish time (see the docblock): east of UTC, where a day read as UTC is the day before.
describe('formatLocalDate in Danish time', () => {
  it('runs east of UTC', () => {
    expect(new Date('2026-11-18T12:00:00Z').getTimezoneOffset()).toBe(-60);
  });

  it('shows a calendar day as that same day', () => {
    expect(formatLocalDate('2026-11-18', 'da')).toBe('18.11.2026');
    expect(formatLocalDate('2026-01-01', 'da')).toBe('01.01.2026');
    expect(formatLocalDate('2026-03-29', 'en')).toBe('29/03/2026');
  });

  it('shows a moment in local time', () => {
    expect(formatLocalDate('2026-11-18T23:30:00Z', 'da', 'datetime')).toBe('19.11.2026 00:30');
    expect(formatLocalDate(null, 'da')).toBe('');
  });
});
