import { Role } from './roles';

/**
 * Every permission a route can require. A route names exactly one; a role is granted a set.
 * Review a change here as a change of who may do what.
 */
export enum Permission {
  /** Read one's own profile and end one's own session. */
  SessionOwn = 'session:own',
  /** List the organisations (internal centres and external providers) of one's municipality. */
  OrganisationsRead = 'organisations:read',
  /** List the users of one's municipality. */
  UsersRead = 'users:read',
}

/** The shared role-to-permission table used by the API guard and by the web app's navigation. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Mentor]: [Permission.SessionOwn],
  [Role.Caseworker]: [Permission.SessionOwn, Permission.OrganisationsRead],
  [Role.TeamLeader]: [Permission.SessionOwn, Permission.OrganisationsRead, Permission.UsersRead],
  [Role.Admin]: [Permission.SessionOwn, Permission.OrganisationsRead, Permission.UsersRead],
};

/** True when the role is granted the permission. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
