import { MeResponse, OrganisationKind, Role } from '@mentor/domain';

/** A signed-in user of the given role, as `GET /api/me` returns it. */
export function meFixture(role: Role): MeResponse {
  return {
    id: 'u1',
    role,
    organisationId: 'o1',
    municipalityId: 'm1',
    name: 'Anna Andersen',
    username: 'anna',
    organisationName: 'Jobcenter Aarhus',
    organisationKind: OrganisationKind.InternalCentre,
    municipalityName: 'Aarhus',
  };
}
