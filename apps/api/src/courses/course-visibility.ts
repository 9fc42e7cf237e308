import { Role } from '@mentor/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * Which mentor courses the caller may see, as a condition for raw SQL with positional
 * parameters from `$first`: a mentor their own, a caseworker those of their caseload's
 * citizens, a team leader those their organisation delivers; the municipality always matches.
 * `course` and `citizen` are the query's aliases of mentor_course and citizen.
 */
export function courseVisibility(
  course: string,
  citizen: string,
  caller: AuthenticatedUser,
  first: number,
): SqlCondition {
  const municipality = `${course}.municipality_id = $${first}`;
  const own = `$${first + 1}`;
  switch (caller.role) {
    case Role.Mentor:
      return {
        sql: `(${municipality} AND ${course}.mentor_id = ${own})`,
        params: [caller.municipalityId, caller.id],
      };
    case Role.Caseworker:
      return {
        sql: `(${municipality} AND ${citizen}.caseworker_id = ${own})`,
        params: [caller.municipalityId, caller.id],
      };
    case Role.TeamLeader:
      return {
        sql: `(${municipality} AND ${course}.organisation_id = ${own})`,
        params: [caller.municipalityId, caller.organisationId],
      };
    default:
      return { sql: 'FALSE', params: [] };
  }
}
