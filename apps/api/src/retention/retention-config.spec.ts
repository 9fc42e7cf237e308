import { ConfigError, loadConfig } from '../config/app-config';
import { keptFrom, retentionPolicy } from './retention-config';

describe('retention configuration', () => {
  it('keeps every kind 5 years by default and runs daily, except under NODE_ENV=test', () => {
    expect(retentionPolicy(loadConfig({}))).toEqual({
      enabled: true,
      intervalMs: 24 * 3600_000,
      batchSize: 500,
      years: { courses: 5, messages: 5, documents: 5, citizens: 5 },
    });
    expect(retentionPolicy(loadConfig({ NODE_ENV: 'test' })).enabled).toBe(false);
  });

  it('reads RETENTION_JOB as on/off (or true/false) and refuses anything else', () => {
    expect(retentionPolicy(loadConfig({ NODE_ENV: 'test', RETENTION_JOB: 'on' })).enabled).toBe(true);
    expect(retentionPolicy(loadConfig({ RETENTION_JOB: 'OFF' })).enabled).toBe(false);
    expect(retentionPolicy(loadConfig({ RETENTION_JOB: 'false' })).enabled).toBe(false);
    expect(() => loadConfig({ RETENTION_JOB: 'sometimes' })).toThrow(/RETENTION_JOB/);
  });

  it('reads each period and the interval', () => {
    const policy = retentionPolicy(
      loadConfig({
        RETENTION_INTERVAL_HOURS: '6',
        RETENTION_COURSE_YEARS: '10',
        RETENTION_MESSAGE_YEARS: '2',
        RETENTION_DOCUMENT_YEARS: '3',
        RETENTION_CITIZEN_YEARS: '7',
        RETENTION_BATCH_SIZE: '50',
      }),
    );
    expect(policy).toMatchObject({
      intervalMs: 6 * 3600_000,
      batchSize: 50,
      years: { courses: 10, messages: 2, documents: 3, citizens: 7 },
    });
  });

  it('fails fast on a period out of range or not a whole number of years, naming it', () => {
    for (const [name, value] of [
      ['RETENTION_COURSE_YEARS', '0'],
      ['RETENTION_DOCUMENT_YEARS', '31'],
      ['RETENTION_CITIZEN_YEARS', '2.5'],
      ['RETENTION_INTERVAL_HOURS', 'daily'],
      ['RETENTION_BATCH_SIZE', '0'],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
    }
  });

  it('refuses messages kept longer than their course (they go with it)', () => {
    expect(() => loadConfig({ RETENTION_MESSAGE_YEARS: '6' })).toThrow(
      /RETENTION_MESSAGE_YEARS must not be longer than RETENTION_COURSE_YEARS/,
    );
    expect(
      retentionPolicy(loadConfig({ RETENTION_COURSE_YEARS: '8', RETENTION_MESSAGE_YEARS: '8' })).years,
    ).toMatchObject({
      courses: 8,
      messages: 8,
    });
  });
});

describe('keptFrom', () => {
  it('is the first Danish day still kept: what ended the day before is due', () => {
    expect(keptFrom(new Date('2025-03-02T10:00:00Z'), 5)).toBe('2020-03-02');
    expect(keptFrom(new Date('2025-03-01T10:00:00Z'), 5)).toBe('2020-03-01');
  });

  it('counts days in Denmark, not in UTC', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Copenhagen.
    expect(keptFrom(new Date('2025-03-01T23:30:00Z'), 5)).toBe('2020-03-02');
  });

  it('clamps 29 February to the 28th in a year without it', () => {
    expect(keptFrom(new Date('2024-02-29T10:00:00Z'), 1)).toBe('2023-02-28');
  });
});
