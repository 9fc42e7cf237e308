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

  it('fails fast on bad values, naming each', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
