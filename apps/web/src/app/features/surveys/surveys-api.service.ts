import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  SurveyImportResult,
  SurveyKind,
  SurveyResponsePage,
  SurveyResponseQuery,
  SurveyResponseRequest,
  SurveyResponseView,
} from '@mentor/domain';
import { map, Observable } from 'rxjs';
import { DownloadedFile, downloadedFile } from '../indicators/indicators-api.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type to upload a file as: XLSX by its name, everything else as CSV. */
export function surveyUploadType(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

/** The built-in questionnaires: answering, the responses list and the import. */
@Injectable({ providedIn: 'root' })
export class SurveysApiService {
  private readonly http = inject(HttpClient);

  /** `POST /api/surveys/:kind/responses`: one response, answered by oneself or entered by staff. */
  submit(kind: SurveyKind, body: SurveyResponseRequest): Observable<SurveyResponseView> {
    return this.http.post<SurveyResponseView>(`/api/surveys/${kind}/responses`, body);
  }

  /** `GET /api/surveys/:kind/responses`: the responses one may see, newest first. */
  responses(kind: SurveyKind, query: SurveyResponseQuery = {}): Observable<SurveyResponsePage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<SurveyResponsePage>(`/api/surveys/${kind}/responses`, { params });
  }

  /** The empty import template: XLSX with a sheet explaining each column's values, or the CSV header row. */
  template(kind: SurveyKind, format: 'xlsx' | 'csv'): Observable<DownloadedFile> {
    return this.http
      .get(`/api/surveys/${kind}/template.${format}`, { observe: 'response', responseType: 'blob' })
      .pipe(map((response) => downloadedFile(response, `skabelon-${kind}.${format}`)));
  }

  /**
   * `POST /api/surveys/:kind/import`: a dry run lists every error by row and column; a commit saves
   * all or nothing (422 `import.invalid` with the errors in `rows`).
   */
  import(kind: SurveyKind, file: File, dryRun: boolean): Observable<SurveyImportResult> {
    return this.http.post<SurveyImportResult>(`/api/surveys/${kind}/import`, file, {
      params: new HttpParams().set('dryRun', String(dryRun)),
      headers: new HttpHeaders({ 'Content-Type': surveyUploadType(file) }),
    });
  }
}
