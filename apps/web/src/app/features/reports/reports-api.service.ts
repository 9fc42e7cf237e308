import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CourseReporting,
  CreateReportRequest,
  ReportComment,
  ReportDetail,
  ReportQualityRow,
  ReportSummary,
  SaveReportRequest,
  SubmitReportRequest,
} from '@mentor/domain';
import { Observable } from 'rxjs';

/** Filters of the quality figures: due dates from–to, optionally one organisation. */
export interface ReportQualityQuery {
  readonly from: string;
  readonly to: string;
  readonly organisationId?: string | null;
}

/** Progression reports: a course's reports, writing, the review loop and the quality figures. */
@Injectable({ providedIn: 'root' })
export class ReportsApiService {
  private readonly http = inject(HttpClient);

  /** The course's reports, newest first. */
  forCourse(courseId: string): Observable<ReportSummary[]> {
    return this.http.get<ReportSummary[]>(`/api/courses/${courseId}/reports`);
  }

  /** When the course's next report is due, and the report being written or reviewed. */
  reporting(courseId: string): Observable<CourseReporting> {
    return this.http.get<CourseReporting>(`/api/courses/${courseId}/reporting`);
  }

  /** Starts a report for the period up to `periodTo` (the course's mentor only). */
  create(courseId: string, body: CreateReportRequest): Observable<ReportDetail> {
    return this.http.post<ReportDetail>(`/api/courses/${courseId}/reports`, body);
  }

  get(id: string): Observable<ReportDetail> {
    return this.http.get<ReportDetail>(`/api/reports/${id}`);
  }

  /** Autosave of a draft or returned report; 409 when the version is stale. */
  save(id: string, body: SaveReportRequest): Observable<ReportDetail> {
    return this.http.patch<ReportDetail>(`/api/reports/${id}`, body);
  }

  /** 422 `report.justification_required` on `justification` when under the threshold without one. */
  submit(id: string, body: SubmitReportRequest): Observable<ReportDetail> {
    return this.http.post<ReportDetail>(`/api/reports/${id}/submit`, body);
  }

  /** Returns the report to the mentor with comments on sections (caseworker). */
  returnReport(id: string, version: number, comments: ReportComment[]): Observable<ReportDetail> {
    return this.http.post<ReportDetail>(`/api/reports/${id}/return`, { version, comments });
  }

  accept(id: string, version: number): Observable<ReportDetail> {
    return this.http.post<ReportDetail>(`/api/reports/${id}/accept`, { version });
  }

  /** Where the PDF of an accepted report is downloaded from (a plain link: the session is a cookie). */
  pdfUrl(id: string): string {
    return `/api/reports/${id}/pdf`;
  }

  /** Quality figures per organisation and mentor over due dates in the period. */
  quality(query: ReportQualityQuery): Observable<ReportQualityRow[]> {
    let params = new HttpParams().set('from', query.from).set('to', query.to);
    if (query.organisationId) params = params.set('organisationId', query.organisationId);
    return this.http.get<ReportQualityRow[]>('/api/reports/quality', { params });
  }
}
