import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  MentorOption,
  ORGANISATION_SORT_FIELDS,
  OrganisationSummary,
  Page,
  PAGE_SIZE_MAX,
} from '@mentor/domain';
import { Observable } from 'rxjs';
import { listParams } from '../../core/http/list-params';
import { PageQuery } from '../../core/http/paged-list';

export type OrganisationSortField = (typeof ORGANISATION_SORT_FIELDS)[number];

@Injectable({ providedIn: 'root' })
export class OrganisationsApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/organisations`; sort is `name`, `-name`, `kind` or `-kind`. */
  list(query: PageQuery): Observable<Page<OrganisationSummary>> {
    return this.http.get<Page<OrganisationSummary>>('/api/organisations', { params: listParams(query) });
  }

  /** All organisations of the municipality, by name: the choices of a delivering organisation. */
  choices(): Observable<Page<OrganisationSummary>> {
    return this.list({ limit: PAGE_SIZE_MAX, offset: 0, sort: 'name' });
  }

  /** The mentors of an organisation, to assign to a course. */
  mentors(organisationId: string): Observable<MentorOption[]> {
    return this.http.get<MentorOption[]>(`/api/organisations/${organisationId}/mentors`);
  }
}
