/** The four roles a user can hold. Values are stored in the database and sent over the API. */
export enum Role {
  Mentor = 'mentor',
  Caseworker = 'caseworker',
  TeamLeader = 'team_leader',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
