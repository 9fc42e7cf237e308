import { Role } from '@mentor/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { SqlParams } from '../common/sql-params';

/**
 * Which mentor courses the caller may see, as a raw-SQL condition whose parameters go into `p`:
 * a mentor their own, a caseworker those of their caseload's citizens, a team leader those their
 * organisation delivers; the municipality always matches. `course` and `citizen` are the query's
 * aliases of mentor_course and citizen.
 */
export function courseVisibility(
  p: SqlParams,
  course: string,
  citizen: string,
  caller: AuthenticatedUser,
): string {
  const municipality = `${course}.municipality_id = ${p.add(caller.municipalityId)}`;
  switch (caller.role) {
    case Role.Mentor:
      return `(${municipality} AND ${course}.mentor_id = ${p.add(caller.id)})`;
    case Role.Caseworker:
      return `(${municipality} AND ${citizen}.caseworker_id = ${p.add(caller.id)})`;
    case Role.TeamLeader:
      return `(${municipality} AND ${course}.organisation_id = ${p.add(caller.organisationId)})`;
    default:
      return 'FALSE';
  }
}
