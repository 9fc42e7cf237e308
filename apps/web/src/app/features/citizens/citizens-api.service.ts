import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CitizenDetail,
  CitizenExportFormat,
  CitizenSummary,
  CprRevealResponse,
  CreateCitizenRequest,
  Page,
  UpdateCitizenRequest,
} from '@mentor/domain';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CitizensApiService {
  private readonly http = inject(HttpClient);

  /** `POST /api/citizens`; 409 `citizen.duplicate_cpr` when the CPR number is registered. */
  create(body: CreateCitizenRequest): Observable<CitizenDetail> {
    return this.http.post<CitizenDetail>('/api/citizens', body);
  }

  /** Search by part of the name or a whole CPR number. */
  search(search: string, limit = 10): Observable<Page<CitizenSummary>> {
    const params = new HttpParams().set('search', search).set('limit', String(limit)).set('offset', '0');
    return this.http.get<Page<CitizenSummary>>('/api/citizens', { params });
  }

  get(id: string): Observable<CitizenDetail> {
    return this.http.get<CitizenDetail>(`/api/citizens/${id}`);
  }

  /** Changes the fields given; 409 `citizen.stale_version` when changed since `version` was read. */
  update(id: string, body: UpdateCitizenRequest): Observable<CitizenDetail> {
    return this.http.patch<CitizenDetail>(`/api/citizens/${id}`, body);
  }

  /**
   * Everything held about the citizen, for a request of access (`export.json` or `export.pdf`;
   * audit-logged). Fetched rather than linked, so a failure is said on the page.
   */
  export(id: string, format: CitizenExportFormat): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/citizens/${id}/export.${format}`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** The full CPR number: an explicit, audit-logged action. */
  revealCpr(id: string): Observable<CprRevealResponse> {
    return this.http.post<CprRevealResponse>(`/api/citizens/${id}/cpr-reveal`, null);
  }
}
