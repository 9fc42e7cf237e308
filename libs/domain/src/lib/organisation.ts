/** Who delivers mentor support: a municipal centre or a private provider ("anden aktør"). */
export enum OrganisationKind {
  InternalCentre = 'internal_centre',
  ExternalProvider = 'external_provider',
}

export const ORGANISATION_KINDS: readonly OrganisationKind[] = Object.values(OrganisationKind);
