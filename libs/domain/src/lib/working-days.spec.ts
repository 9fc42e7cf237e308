import { addWorkingDays, danishHolidays, easterSunday, isWorkingDay } from './working-days';

describe('Danish working days', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the holidays of 2026', () => {
    expect([...danishHolidays(2026)].sort()).toEqual([
      '2026-01-01', // nytårsdag
      '2026-04-02', // skærtorsdag
      '2026-04-03', // langfredag
      '2026-04-05', // påskedag
      '2026-04-06', // 2. påskedag
      '2026-05-14', // Kristi himmelfartsdag
      '2026-05-24', // pinsedag
      '2026-05-25', // 2. pinsedag
      '2026-06-05', // grundlovsdag
      '2026-12-24', // juleaftensdag
      '2026-12-25', // 1. juledag
      '2026-12-26', // 2. juledag
      '2026-12-31', // nytårsaftensdag
    ]);
  });

  it('keeps store bededag until 2023 only', () => {
    expect(isWorkingDay('2023-05-05')).toBe(false);
    expect(isWorkingDay('2024-04-26')).toBe(true);
    expect(isWorkingDay('2026-05-01')).toBe(true);
  });

  it('tells working days from weekends and holidays', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true); // a Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // a Sunday
    expect(isWorkingDay('2027-03-25')).toBe(false); // skærtorsdag 2027
    expect(isWorkingDay('2027-03-29')).toBe(false); // 2. påskedag 2027
    expect(isWorkingDay('2027-05-06')).toBe(false); // Kristi himmelfartsdag 2027
    expect(isWorkingDay('2027-05-17')).toBe(false); // 2. pinsedag 2027
  });

  it('adds working days over weekends and holidays', () => {
    expect(addWorkingDays('2026-11-23', 3)).toBe('2026-11-26'); // Monday → Thursday
    expect(addWorkingDays('2026-11-27', 3)).toBe('2026-12-02'); // Friday → Wednesday
    expect(addWorkingDays('2026-11-28', 3)).toBe('2026-12-02'); // Saturday → Wednesday
    expect(addWorkingDays('2026-04-01', 3)).toBe('2026-04-09'); // over Easter 2026
    expect(addWorkingDays('2026-12-22', 3)).toBe('2026-12-29'); // over Christmas
    expect(addWorkingDays('2026-12-29', 3)).toBe('2027-01-05'); // over New Year
    expect(addWorkingDays('2026-06-03', 3)).toBe('2026-06-09'); // over grundlovsdag
    expect(addWorkingDays('2026-11-26', 0)).toBe('2026-11-26');
    expect(addWorkingDays('2026-12-02', -3)).toBe('2026-11-27');
  });
});
