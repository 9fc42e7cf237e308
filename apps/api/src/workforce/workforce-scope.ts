import { Role } from '@mentor/domain';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundProblem } from '../common/versioned-update';

/**
 * Whose mentors the caller may see or keep: a team leader their own organisation's, an
 * administrator (read only, by permission) any organisation's of the municipality; null means any.
 */
export function organisationScope(caller: AuthenticatedUser): string | null {
  return caller.role === Role.Admin ? null : caller.organisationId;
}

/** 404 for an organisation the caller may not see, before any query (a team leader's other organisations). */
export function assertOrganisationInScope(caller: AuthenticatedUser, organisationId: string): void {
  const scope = organisationScope(caller);
  if (scope !== null && scope !== organisationId) throw new NotFoundProblem('organisation');
}

export interface ScopedMentor {
  id: string;
  organisationId: string;
}

/** The mentor if the caller may see them (an active or inactive mentor user of the scope), else 404 `mentor.not_found`. */
export async function mentorInScope(
  db: EntityManager,
  caller: AuthenticatedUser,
  mentorId: string,
): Promise<ScopedMentor> {
  const [mentor] = await db.query<ScopedMentor[]>(
    `SELECT u.id, u.organisation_id AS "organisationId" FROM app_user u
      WHERE u.id = $1 AND u.municipality_id = $2 AND u.role = $3 AND ($4::uuid IS NULL OR u.organisation_id = $4)`,
    [mentorId, caller.municipalityId, Role.Mentor, organisationScope(caller)],
  );
  if (!mentor) throw new NotFoundProblem('mentor');
  return mentor;
}

/** A unique-key violation of the named constraint (TypeORM wraps the driver's error). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  return (
    (e.driverError?.code ?? e.code) === '23505' && (e.driverError?.constraint ?? e.constraint) === constraint
  );
}
