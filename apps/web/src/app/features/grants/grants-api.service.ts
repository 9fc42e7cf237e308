import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ChangeGrantMinutesRequest, CreateGrantRequest, GrantDetail } from '@mentor/domain';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class GrantsApiService {
  private readonly http = inject(HttpClient);

  /** Creates the grant and its course (active when a mentor is given). */
  create(body: CreateGrantRequest): Observable<GrantDetail> {
    return this.http.post<GrantDetail>('/api/grants', body);
  }

  get(id: string): Observable<GrantDetail> {
    return this.http.get<GrantDetail>(`/api/grants/${id}`);
  }

  /** New weekly minutes from a date; the history is kept. */
  changeMinutes(id: string, body: ChangeGrantMinutesRequest): Observable<GrantDetail> {
    return this.http.post<GrantDetail>(`/api/grants/${id}/minutes`, body);
  }
}
