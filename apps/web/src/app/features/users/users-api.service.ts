import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Page, SetUserActiveRequest, USER_SORT_FIELDS, UserActiveStatus, UserSummary } from '@mentor/domain';
import { Observable } from 'rxjs';
import { listParams } from '../../core/http/list-params';
import { PageQuery } from '../../core/http/paged-list';

export type UserSortField = (typeof USER_SORT_FIELDS)[number];

@Injectable({ providedIn: 'root' })
export class UsersApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/users`; sort is `name`, `username` or `role`, `-` prefixed for descending. */
  list(query: PageQuery): Observable<Page<UserSummary>> {
    return this.http.get<Page<UserSummary>>('/api/users', { params: listParams(query) });
  }

  /** `PUT /api/users/:id/active`: disabling ends all the user's sessions at once. */
  setActive(id: string, active: boolean): Observable<UserActiveStatus> {
    return this.http.put<UserActiveStatus>(`/api/users/${encodeURIComponent(id)}/active`, {
      active,
    } satisfies SetUserActiveRequest);
  }
}
