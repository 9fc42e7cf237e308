import { hasPermission, Permission, ROLE_PERMISSIONS } from './permissions';
import { isRole, Role, ROLES } from './roles';
import { parseSort, sortValues } from './pagination';

describe('permission map', () => {
  it('grants every role its own session', () => {
    for (const role of ROLES) expect(hasPermission(role, Permission.SessionOwn)).toBe(true);
  });

  it('keeps the user list from mentors and caseworkers', () => {
    expect(hasPermission(Role.Mentor, Permission.UsersRead)).toBe(false);
    expect(hasPermission(Role.Caseworker, Permission.UsersRead)).toBe(false);
    expect(hasPermission(Role.TeamLeader, Permission.UsersRead)).toBe(true);
  });

  it('lets only the administrator disable and re-enable users', () => {
    expect(ROLES.filter((r) => hasPermission(r, Permission.UsersManage))).toEqual([Role.Admin]);
  });

  it('lets only mentors write reports and only caseworkers review them', () => {
    expect(ROLES.filter((r) => hasPermission(r, Permission.ReportsWrite))).toEqual([Role.Mentor]);
    expect(ROLES.filter((r) => hasPermission(r, Permission.ReportsReview))).toEqual([Role.Caseworker]);
  });

  it('lets team leaders keep the workforce, administrators only read it, and mentors see their own profile', () => {
    expect(ROLES.filter((r) => hasPermission(r, Permission.WorkforceManage))).toEqual([Role.TeamLeader]);
    expect(ROLES.filter((r) => hasPermission(r, Permission.WorkforceRead))).toEqual([
      Role.TeamLeader,
      Role.Admin,
    ]);
    expect(ROLES.filter((r) => hasPermission(r, Permission.ProfileOwn))).toEqual([Role.Mentor]);
  });

  it('shows the indicators to team leaders and administrators, and lets staff answer and keep the surveys', () => {
    expect(ROLES.filter((r) => hasPermission(r, Permission.IndicatorsRead))).toEqual([
      Role.TeamLeader,
      Role.Admin,
    ]);
    expect(ROLES.filter((r) => hasPermission(r, Permission.SurveysManage))).toEqual([
      Role.TeamLeader,
      Role.Admin,
    ]);
    expect(ROLES.filter((r) => hasPermission(r, Permission.SurveysAnswer))).toEqual([
      Role.Mentor,
      Role.Caseworker,
      Role.TeamLeader,
    ]);
  });

  it("lets only the citizen's caseworker and the administrator export all of a citizen's data", () => {
    expect(ROLES.filter((r) => hasPermission(r, Permission.CitizenExport))).toEqual([
      Role.Caseworker,
      Role.Admin,
    ]);
  });

  it('names only known permissions', () => {
    const known = new Set(Object.values(Permission));
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(known.has(p)).toBe(true);
  });

  it('recognises roles', () => {
    expect(isRole('team_leader')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('sort parameters', () => {
  it('parses ascending and descending whitelisted fields', () => {
    expect(parseSort('name', ['name', 'role'])).toEqual({ field: 'name', direction: 'ASC' });
    expect(parseSort('-role', ['name', 'role'])).toEqual({ field: 'role', direction: 'DESC' });
  });

  it('rejects fields not on the whitelist', () => {
    expect(parseSort('password_hash', ['name'])).toBeUndefined();
    expect(parseSort('--name', ['name'])).toBeUndefined();
  });

  it('lists every accepted value', () => {
    expect(sortValues(['name'])).toEqual(['name', '-name']);
  });
});
