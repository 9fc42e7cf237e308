import { Role } from '@mentor/domain';
import { claimValue, mapClaims, mappedClaimsPresent } from './oidc-claims';
import type { OidcProviderConfig } from './oidc-config';

const provider: OidcProviderConfig = {
  id: 'kk',
  name: 'Københavns Kommune',
  issuer: 'https://login.example.dk',
  clientId: 'mentor',
  clientSecret: 'secret',
  municipalityCode: 101,
  usernameClaim: 'preferred_username',
  nameClaim: 'name',
  roleClaim: 'groups',
  roles: [
    ['MS-Admin', Role.Admin],
    ['MS-Teamledere', Role.TeamLeader],
    ['MS-Mentorer', Role.Mentor],
  ],
  organisationClaim: 'department',
  organisations: [
    ['CJI', 'Center for Jobindsats'],
    ['CAB', '6f1c0c39-7d43-4c47-9d4e-0d3f4c1b2a10'],
  ],
  scopes: ['openid', 'profile'],
};

const claims = {
  sub: 'abc',
  preferred_username: ' Anna.Idpsen@KK.dk ',
  name: 'Anna Idpsen',
  groups: ['Kantine', 'MS-Mentorer'],
  department: 'CJI',
};

describe('mapClaims', () => {
  it('maps username (lower case, trimmed), name, role and organisation', () => {
    expect(mapClaims(provider, claims)).toEqual({
      ok: true,
      user: {
        username: 'anna.idpsen@kk.dk',
        name: 'Anna Idpsen',
        role: Role.Mentor,
        organisation: 'Center for Jobindsats',
      },
    });
  });

  it('takes a single string as well as an array', () => {
    const mapped = mapClaims(provider, { ...claims, groups: 'MS-Teamledere', department: ['X', 'CAB'] });
    expect(mapped).toMatchObject({
      ok: true,
      user: { role: Role.TeamLeader, organisation: '6f1c0c39-7d43-4c47-9d4e-0d3f4c1b2a10' },
    });
  });

  it("lets the configuration's order decide between several matching values", () => {
    expect(mapClaims(provider, { ...claims, groups: ['MS-Mentorer', 'MS-Admin'] })).toMatchObject({
      user: { role: Role.Admin },
    });
    expect(mapClaims(provider, { ...claims, department: ['CAB', 'CJI'] })).toMatchObject({
      user: { organisation: 'Center for Jobindsats' },
    });
  });

  it('refuses claims that map to no role or no organisation', () => {
    expect(mapClaims(provider, { ...claims, groups: ['Kantine'] })).toEqual({ ok: false, code: 'no_role' });
    expect(mapClaims(provider, { ...claims, groups: undefined })).toEqual({ ok: false, code: 'no_role' });
    // Matching is exact: case and surrounding space count.
    expect(mapClaims(provider, { ...claims, groups: ['ms-mentorer', ' MS-Mentorer'] })).toEqual({
      ok: false,
      code: 'no_role',
    });
    expect(mapClaims(provider, { ...claims, department: 'Ukendt' })).toEqual({
      ok: false,
      code: 'no_organisation',
    });
    expect(mapClaims(provider, { ...claims, department: { CJI: true } })).toEqual({
      ok: false,
      code: 'no_organisation',
    });
  });

  it('refuses a missing or unusable username', () => {
    for (const preferred_username of [undefined, '', '   ', 42, 'two words', 'a'.repeat(101), 'x\u0000y'])
      expect(mapClaims(provider, { ...claims, preferred_username })).toEqual({
        ok: false,
        code: 'no_username',
      });
    expect(mapClaims(provider, { ...claims, preferred_username: 'KK\\anna' })).toMatchObject({
      user: { username: 'kk\\anna' },
    });
  });

  it('falls back to given and family name, then the username, and cleans the name', () => {
    const without = { ...claims, name: undefined };
    expect(mapClaims(provider, { ...without, given_name: 'Anna', family_name: 'Idpsen' })).toMatchObject({
      user: { name: 'Anna Idpsen' },
    });
    expect(mapClaims(provider, without)).toMatchObject({ user: { name: 'anna.idpsen@kk.dk' } });
    expect(mapClaims(provider, { ...claims, name: ' Anna\n\tIdpsen ' })).toMatchObject({
      user: { name: 'Anna Idpsen' },
    });
    const long = mapClaims(provider, { ...claims, name: 'Æ'.repeat(300) });
    expect(long.ok && long.user.name.length).toBe(200);
  });

  it('reads claims by a dotted path when no claim has that name', () => {
    const keycloak = { ...provider, roleClaim: 'realm_access.roles' };
    expect(
      mapClaims(keycloak, { ...claims, groups: undefined, realm_access: { roles: ['MS-Admin'] } }),
    ).toMatchObject({ user: { role: Role.Admin } });
    expect(claimValue({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(claimValue({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(claimValue({ a: [{ b: 2 }] }, 'a.b')).toBeUndefined();
    expect(claimValue({ a: {} }, 'a.toString')).toBeUndefined();
  });
});

describe('mappedClaimsPresent', () => {
  it('tells whether the username, role and organisation claims are all there', () => {
    expect(mappedClaimsPresent(provider, claims)).toBe(true);
    expect(mappedClaimsPresent(provider, { sub: 'abc', preferred_username: 'x', groups: [] })).toBe(false);
  });
});
