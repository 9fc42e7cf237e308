import { danishDate, danishDateTime, danishTimestamp } from './danish-format';

describe('Danish dates and times', () => {
  it('writes a date as day.month.year, and a dash for none', () => {
    expect(danishDate('2026-03-09')).toBe('09.03.2026');
    expect(danishDate('2026-03-09T23:30:00.000Z')).toBe('09.03.2026');
    expect(danishDate(null)).toBe('–');
    expect(danishDate(undefined)).toBe('–');
  });

  it('writes an instant in Danish time, in winter and in summer', () => {
    expect(danishDateTime('2026-03-02T09:05:07.000Z')).toBe('02.03.2026 kl. 10:05');
    expect(danishDateTime(new Date('2026-07-02T09:05:07.000Z'))).toBe('02.07.2026 kl. 11:05');
    expect(danishTimestamp('2026-03-02T09:05:07.000Z')).toBe('02.03.2026 10:05:07');
    expect(danishTimestamp('2026-07-02T09:05:07.000Z')).toBe('02.07.2026 11:05:07');
  });

  it('moves to the next Danish day after midnight, and shows midnight as 00', () => {
    expect(danishTimestamp('2026-12-31T23:00:00.000Z')).toBe('01.01.2027 00:00:00');
    expect(danishDateTime('2026-06-30T22:30:00.000Z')).toBe('01.07.2026 kl. 00:30');
  });
});
