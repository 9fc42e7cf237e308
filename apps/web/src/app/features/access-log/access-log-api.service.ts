import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AccessLogPage } from '@mentor/domain';
import { Observable } from 'rxjs';

/** The period of a citizen's access log, `YYYY-MM-DD` both ends included. */
export interface AccessLogRange {
  readonly from: string;
  readonly to: string;
}

export type AccessLogFormat = 'csv' | 'pdf';

/** A citizen's access log (who-type, when and why their data was used), for their right of access. */
@Injectable({ providedIn: 'root' })
export class AccessLogApiService {
  private readonly http = inject(HttpClient);

  /** One page of the log in the period, newest first. */
  page(citizenId: string, range: AccessLogRange, limit: number, offset: number): Observable<AccessLogPage> {
    const params = rangeParams(range).set('limit', String(limit)).set('offset', String(offset));
    return this.http.get<AccessLogPage>(`/api/citizens/${citizenId}/access-log`, { params });
  }

  /**
   * The whole period as a file. Fetched rather than linked, so a refusal (422
   * `access_log.too_many_events`) can be said on the page instead of as a failed download.
   */
  export(citizenId: string, range: AccessLogRange, format: AccessLogFormat): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/citizens/${citizenId}/access-log.${format}`, {
      params: rangeParams(range),
      responseType: 'blob',
      observe: 'response',
    });
  }
}

function rangeParams(range: AccessLogRange): HttpParams {
  return new HttpParams().set('from', range.from).set('to', range.to);
}
