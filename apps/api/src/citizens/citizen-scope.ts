import { Role } from '@mentor/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * Limits a query to the citizens the caller may see: a caseworker their caseload, a mentor the
 * citizens of their own courses, a team leader those with a course delivered by their
 * organisation; never another municipality. `alias` is the query's citizen alias.
 */
export function scopeCitizens<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  caller: AuthenticatedUser,
): SelectQueryBuilder<T> {
  qb.andWhere(`${alias}.municipality_id = :scopeMunicipalityId`, {
    scopeMunicipalityId: caller.municipalityId,
  });
  const courseOf = (condition: string) =>
    `EXISTS (SELECT 1 FROM mentor_grant sg JOIN mentor_course sc ON sc.grant_id = sg.id
              WHERE sg.citizen_id = ${alias}.id AND sg.municipality_id = ${alias}.municipality_id AND ${condition})`;
  switch (caller.role) {
    case Role.Caseworker:
      return qb.andWhere(`${alias}.caseworker_id = :scopeUserId`, { scopeUserId: caller.id });
    case Role.Mentor:
      return qb.andWhere(courseOf('sc.mentor_id = :scopeUserId'), { scopeUserId: caller.id });
    case Role.TeamLeader:
      return qb.andWhere(courseOf('sc.organisation_id = :scopeOrganisationId'), {
        scopeOrganisationId: caller.organisationId,
      });
    default:
      return qb.andWhere('FALSE');
  }
}
