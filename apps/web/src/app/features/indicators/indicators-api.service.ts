import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { IndicatorQuery, IndicatorReport } from '@mentor/domain';
import { map, Observable } from 'rxjs';

export type IndicatorExportFormat = 'csv' | 'xlsx' | 'pdf';
export const INDICATOR_EXPORT_FORMATS: readonly IndicatorExportFormat[] = ['csv', 'xlsx', 'pdf'];

/** A file the API sent, with the name to save it under. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** The query as parameters, only the filters set. */
export function indicatorParams(query: IndicatorQuery): HttpParams {
  let params = new HttpParams().set('from', query.from).set('to', query.to);
  if (query.organisationType) params = params.set('organisationType', query.organisationType);
  if (query.organisationId) params = params.set('organisationId', query.organisationId);
  if (query.mentorType) params = params.set('mentorType', query.mentorType);
  return params;
}

/** The file name in a `Content-Disposition` header (`filename*=UTF-8''…` preferred), else null. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed encoding: try the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  return plain ? (plain[2] ?? plain[1]).trim() : null;
}

/** Reads a file answer: its content and the name the server gave it, or `fallback`. */
export function downloadedFile(response: HttpResponse<Blob>, fallback: string): DownloadedFile {
  return {
    blob: response.body ?? new Blob([]),
    filename: dispositionFilename(response.headers.get('Content-Disposition')) ?? fallback,
  };
}

/** The study's indicators computed from live data (team leaders for their organisation, admins). */
@Injectable({ providedIn: 'root' })
export class IndicatorsApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/reports/indicators`: every indicator of the catalogue over the period and filters. */
  report(query: IndicatorQuery): Observable<IndicatorReport> {
    return this.http.get<IndicatorReport>('/api/reports/indicators', { params: indicatorParams(query) });
  }

  /**
   * All indicators as CSV or XLSX, or the PDF report in the study's order, fetched through the
   * app's HTTP client (session, expiry handling) so a failure can be shown instead of saved.
   */
  export(format: IndicatorExportFormat, query: IndicatorQuery): Observable<DownloadedFile> {
    return this.http
      .get(`/api/reports/indicators.${format}`, {
        params: indicatorParams(query),
        observe: 'response',
        responseType: 'blob',
      })
      .pipe(map((response) => downloadedFile(response, `indikatorer-${query.from}-${query.to}.${format}`)));
  }
}
