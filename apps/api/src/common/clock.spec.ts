import { timeInDenmark, todayInDenmark } from './clock';

describe('todayInDenmark', () => {
  it('turns at Danish midnight, in winter and summer time', () => {
    expect(todayInDenmark(new Date('2026-11-28T22:59:59.999Z'))).toBe('2026-11-28');
    expect(todayInDenmark(new Date('2026-11-28T23:00:00.000Z'))).toBe('2026-11-29');
    expect(todayInDenmark(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(todayInDenmark(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
  });

  it('answers for the moment given, also within the second it last answered for', () => {
    expect(todayInDenmark(new Date('2026-11-28T22:59:59.001Z'))).toBe('2026-11-28');
    expect(todayInDenmark(new Date('2026-11-28T22:59:59.998Z'))).toBe('2026-11-28');
    expect(todayInDenmark(new Date('2026-11-28T23:00:00.001Z'))).toBe('2026-11-29');
    expect(todayInDenmark(new Date('2026-11-28T22:59:59.500Z'))).toBe('2026-11-28');
  });
});

describe('timeInDenmark', () => {
  it('gives the Danish time of day', () => {
    expect(timeInDenmark(new Date('2026-11-28T22:59:00Z'))).toBe('23:59');
    expect(timeInDenmark(new Date('2026-06-30T06:05:00Z'))).toBe('08:05');
  });
});
