import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ChangeCourseRequest,
  ContactLogged,
  ContactRequest,
  ContactView,
  COURSE_SORT_FIELDS,
  CourseDetail,
  CourseFlag,
  CourseStatus,
  CourseSummary,
  Page,
  UpdateContactRequest,
  WeekBudget,
} from '@mentor/domain';
import { Observable } from 'rxjs';
import { listParams } from '../../core/http/list-params';
import { PageQuery } from '../../core/http/paged-list';

export type CourseSortField = (typeof COURSE_SORT_FIELDS)[number];

/** Filters of the course lists. */
export interface CourseFilters {
  readonly search?: string;
  readonly flag?: CourseFlag | null;
  readonly status?: CourseStatus | null;
}

@Injectable({ providedIn: 'root' })
export class CoursesApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/courses`: the caller's courses (own, caseload or organisation), ended ones only on request. */
  list(query: PageQuery, filters: CourseFilters = {}): Observable<Page<CourseSummary>> {
    let params = listParams(query);
    if (filters.search?.trim()) params = params.set('search', filters.search.trim());
    if (filters.flag) params = params.set('flag', filters.flag);
    if (filters.status) params = params.set('status', filters.status);
    return this.http.get<Page<CourseSummary>>('/api/courses', { params });
  }

  get(id: string): Observable<CourseDetail> {
    return this.http.get<CourseDetail>(`/api/courses/${id}`);
  }

  /** Granted against logged minutes per ISO week, from the course's start to this week. */
  weeks(id: string): Observable<WeekBudget[]> {
    return this.http.get<WeekBudget[]>(`/api/courses/${id}/weeks`);
  }

  /** Pause, resume, end or change mentor; 409 `course.stale_version` when changed meanwhile. */
  change(id: string, body: ChangeCourseRequest): Observable<CourseDetail> {
    return this.http.patch<CourseDetail>(`/api/courses/${id}`, body);
  }

  /** The contact timeline, newest first. */
  contacts(courseId: string, limit: number, offset: number): Observable<Page<ContactView>> {
    const params = new HttpParams().set('limit', String(limit)).set('offset', String(offset));
    return this.http.get<Page<ContactView>>(`/api/courses/${courseId}/contacts`, { params });
  }

  /** Logs a contact; a retry with the same key and body returns the first answer. */
  logContact(courseId: string, body: ContactRequest, idempotencyKey: string): Observable<ContactLogged> {
    return this.http.post<ContactLogged>(`/api/courses/${courseId}/contacts`, body, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  updateContact(id: string, body: UpdateContactRequest): Observable<ContactLogged> {
    return this.http.patch<ContactLogged>(`/api/contacts/${id}`, body);
  }

  deleteContact(id: string, version: number): Observable<void> {
    return this.http.delete<void>(`/api/contacts/${id}`, { params: { version: String(version) } });
  }

  /** A correcting contact for a locked one. */
  correctContact(id: string, body: ContactRequest): Observable<ContactLogged> {
    return this.http.post<ContactLogged>(`/api/contacts/${id}/corrections`, body);
  }
}
