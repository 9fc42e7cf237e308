import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.cookieSecure).toBe(false);
  });

  it('reads and converts values', () => {
    const config = loadConfig({ PORT: '4000', DEMO_DATA: 'true', NODE_ENV: 'production' });
    expect(config.PORT).toBe(4000);
    expect(config.DEMO_DATA).toBe(true);
    expect(config.cookieSecure).toBe(true);
  });

  it('runs the background jobs except under NODE_ENV=test, unless told', () => {
    expect(loadConfig({}).uploadCleanupEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).uploadCleanupEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', UPLOAD_CLEANUP: 'true' }).uploadCleanupEnabled).toBe(true);
    expect(loadConfig({ UPLOAD_CLEANUP: 'false' }).uploadCleanupEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).reportRemindersEnabled).toBe(false);
  });

  it('fails fast on bad values, naming each', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
