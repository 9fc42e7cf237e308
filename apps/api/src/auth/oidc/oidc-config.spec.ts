import { Role } from '@mentor/domain';
import { ConfigError, loadConfig } from '../../config/app-config';
import { OidcConfigError, parseOidcProviders } from './oidc-config';

const valid = {
  id: 'kk',
  name: 'Københavns Kommune',
  issuer: 'https://login.example.dk/realms/kk',
  clientId: 'mentorsystemet',
  clientSecret: 's3cret',
  municipalityCode: 101,
  roleClaim: 'groups',
  roles: { 'MS-Admin': 'admin', 'MS-Mentorer': 'mentor' },
  organisationClaim: 'department',
  organisations: { CJI: 'Center for Jobindsats' },
};

const problemsOf = (value: unknown): string[] => {
  try {
    parseOidcProviders(JSON.stringify(value));
  } catch (error) {
    if (error instanceof OidcConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseOidcProviders', () => {
  it('is empty when unset', () => {
    expect(parseOidcProviders(undefined)).toEqual([]);
    expect(parseOidcProviders('  ')).toEqual([]);
  });

  it('reads a provider with defaults, keeping the order of the maps', () => {
    const [provider] = parseOidcProviders(JSON.stringify([valid]));
    expect(provider).toEqual({
      ...valid,
      usernameClaim: 'preferred_username',
      nameClaim: 'name',
      roles: [
        ['MS-Admin', Role.Admin],
        ['MS-Mentorer', Role.Mentor],
      ],
      organisations: [['CJI', 'Center for Jobindsats']],
      scopes: ['openid', 'profile'],
    });
  });

  it('adds openid to configured scopes and keeps optional fields', () => {
    const [provider] = parseOidcProviders(
      JSON.stringify([
        {
          ...valid,
          scopes: ['profile', 'groups'],
          usernameClaim: 'upn',
          nameClaim: 'displayName',
          redirectUri: 'https://mentor.example.dk/api/auth/oidc/kk/callback',
        },
      ]),
    );
    expect(provider?.scopes).toEqual(['openid', 'profile', 'groups']);
    expect(provider?.usernameClaim).toBe('upn');
    expect(provider?.nameClaim).toBe('displayName');
    expect(provider?.redirectUri).toBe('https://mentor.example.dk/api/auth/oidc/kk/callback');
  });

  it('reads a file when the value is a path', () => {
    const read = jest.fn(() => JSON.stringify([valid]));
    expect(parseOidcProviders('/etc/mentor/oidc.json', read)).toHaveLength(1);
    expect(read).toHaveBeenCalledWith('/etc/mentor/oidc.json');
    expect(() =>
      parseOidcProviders('/nonexistent/oidc.json', () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/cannot read the file/);
  });

  it('refuses malformed JSON and anything but an array', () => {
    expect(() => parseOidcProviders('[{')).toThrow(/not valid JSON/);
    expect(problemsOf(valid)).toEqual(['must be a JSON array of providers']);
    expect(problemsOf(['kk'])).toEqual(['[0] must be an object']);
  });

  it('names every bad field of every provider', () => {
    expect(
      problemsOf([
        {
          ...valid,
          id: 'Not A Slug',
          issuer: 'http://login.example.dk',
          municipalityCode: '101',
          roles: { x: 'superuser' },
          organisations: {},
          scopes: 'openid',
          organization: 'typo',
        },
        { ...valid, clientSecret: '', roleClaim: undefined, redirectUri: 'ftp://x' },
      ]),
    ).toEqual([
      '[0].organization is not a known field',
      '[0].id must be a slug: a-z, 0-9 and -, up to 40 characters',
      '[0].issuer must be an https URL (http only on localhost) without query or fragment',
      '[0].municipalityCode must be a municipality code (a whole number from 1 to 999)',
      '[0].roles.x must be one of mentor, caseworker, team_leader or admin',
      '[0].organisations must map at least one claim value to an organisation id or name',
      '[0].scopes must be an array of scope names',
      '[1].clientSecret must be a non-empty text',
      '[1].roleClaim must be a claim name',
      '[1].redirectUri must be an https URL (http only on localhost)',
    ]);
  });

  it('refuses a provider id used twice, an empty role map and an issuer with a query', () => {
    expect(problemsOf([valid, { ...valid, roles: {}, issuer: 'https://x.dk/?a=1' }])).toEqual([
      '[1].id is used twice',
      '[1].issuer must be an https URL (http only on localhost) without query or fragment',
      '[1].roles must map at least one claim value to a role',
    ]);
  });

  it('allows http only on the loopback interface', () => {
    expect(problemsOf([{ ...valid, issuer: 'http://127.0.0.1:4000' }])).toEqual([]);
    expect(problemsOf([{ ...valid, issuer: 'http://localhost:4000/realms/x' }])).toEqual([]);
    expect(problemsOf([{ ...valid, issuer: 'http://10.0.0.1' }])).toHaveLength(1);
  });
});

describe('loadConfig with OIDC_PROVIDERS', () => {
  it('parses the providers at start', () => {
    const config = loadConfig({ OIDC_PROVIDERS: JSON.stringify([valid]) });
    expect(config.oidcProviders.map((p) => p.id)).toEqual(['kk']);
    expect(loadConfig({}).oidcProviders).toEqual([]);
  });

  it('fails fast on a malformed value, naming the problems with the other bad variables', () => {
    expect(() => loadConfig({ OIDC_PROVIDERS: '[{"id":"kk"}]' })).toThrow(ConfigError);
    let message = '';
    try {
      loadConfig({ PORT: 'abc', OIDC_PROVIDERS: JSON.stringify([{ ...valid, roles: { a: 'boss' } }]) });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toContain('OIDC_PROVIDERS[0].roles.a must be one of');
    expect(() => loadConfig({ OIDC_PROVIDERS: 'not json and no file' })).toThrow(
      /OIDC_PROVIDERS: cannot read the file$/,
    );
    // A broken value is never echoed: it may hold a client secret.
    expect(() => loadConfig({ OIDC_PROVIDERS: ' "clientSecret": "s3cret" ' })).toThrow(/^(?![\s\S]*s3cret)/);
  });
});
