import { isValidCpr, maskCpr, parseCpr } from './cpr';

describe('CPR numbers', () => {
  it('accepts valid dates with or without the dash', () => {
    expect(parseCpr('010190-1234')).toEqual({ digits: '0101901234', birthDate: '1990-01-01' });
    expect(parseCpr('2902001234')).toBeUndefined(); // 1900 was not a leap year
    expect(parseCpr('290200-4234')?.birthDate).toBe('2000-02-29');
  });

  it('derives the century from the seventh digit', () => {
    expect(parseCpr('010136-4000')?.birthDate).toBe('2036-01-01');
    expect(parseCpr('010137-4000')?.birthDate).toBe('1937-01-01');
    expect(parseCpr('010158-5000')?.birthDate).toBe('1858-01-01');
    expect(parseCpr('010157-8000')?.birthDate).toBe('2057-01-01');
    expect(parseCpr('010199-9000')?.birthDate).toBe('1999-01-01');
  });

  it('rejects malformed numbers and impossible dates', () => {
    for (const bad of [
      '',
      '0101901234x',
      '01019-01234',
      '320190-1234',
      '011390-1234',
      '000190-1234',
      'abcdef-ghij',
    ]) {
      expect(isValidCpr(bad)).toBe(false);
    }
  });

  it('does not apply the modulus-11 check', () => {
    // 010190-1235 fails modulus 11 but is a possible number since 2007.
    expect(isValidCpr('010190-1235')).toBe(true);
  });

  it('masks the serial part', () => {
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
  });
});
