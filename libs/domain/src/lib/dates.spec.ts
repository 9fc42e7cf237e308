import { addDays, addMonths, daysBetween, isoWeek, isoWeekStart } from './dates';

describe('calendar helpers', () => {
  it('finds ISO weeks across year ends', () => {
    expect(isoWeek('2026-11-28').label).toBe('2026-W48');
    expect(isoWeek('2021-01-03').label).toBe('2020-W53');
    expect(isoWeek('2024-12-30').label).toBe('2025-W01');
  });

  it('finds the Monday of a week', () => {
    expect(isoWeekStart('2026-11-28')).toBe('2026-11-23');
    expect(isoWeekStart('2026-11-23')).toBe('2026-11-23');
    expect(isoWeekStart('2026-11-29')).toBe('2026-11-23');
  });

  it('adds days and months', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });
});
