import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ORGANISATION_SORT_FIELDS, OrganisationSummary, Page } from '@mentor/domain';
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
}
