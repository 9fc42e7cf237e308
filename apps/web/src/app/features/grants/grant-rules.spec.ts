import { grantPeriodError, maxGrantEnd } from './grant-rules';

describe('grant period (LAB §167)', () => {
  it('allows up to six calendar months after the start', () => {
    expect(maxGrantEnd('2025-01-15')).toBe('2025-07-15');
    expect(grantPeriodError('2025-01-15', '2025-07-15')).toBeNull();
    expect(grantPeriodError('2025-01-15', '2025-07-16')).toBe('endsOn');
  });

  it('clamps to the end of a shorter month', () => {
    expect(maxGrantEnd('2025-08-31')).toBe('2026-02-28');
    expect(grantPeriodError('2025-08-31', '2026-02-28')).toBeNull();
    expect(grantPeriodError('2025-08-31', '2026-03-01')).toBe('endsOn');
  });

  it('rejects an end before the start and waits for both dates', () => {
    expect(grantPeriodError('2025-03-10', '2025-03-09')).toBe('endsBeforeStart');
    expect(grantPeriodError('2025-03-10', '2025-03-10')).toBeNull();
    expect(grantPeriodError('', '2025-03-10')).toBeNull();
  });
});
