import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CourseHandover, HandoverActionRequest, SaveHandoverRequest } from '@mentor/domain';
import { Observable } from 'rxjs';

/**
 * The course's handover packet: read, save the draft, send (caseworker), acknowledge (mentor).
 * Each change answers with the course's packets as they are now.
 */
@Injectable({ providedIn: 'root' })
export class HandoverApiService {
  private readonly http = inject(HttpClient);

  /** The current mentor's packet (pre-filled for the caseworker when none is saved) and earlier ones. */
  get(courseId: string): Observable<CourseHandover> {
    return this.http.get<CourseHandover>(`/api/courses/${courseId}/handover`);
  }

  /** Saves the draft (the first save creates it, from version 0); 409 when someone else saved since. */
  save(courseId: string, body: SaveHandoverRequest): Observable<CourseHandover> {
    return this.http.put<CourseHandover>(`/api/courses/${courseId}/handover`, body);
  }

  /** Sends the saved draft to the mentor; 422 `handover.incomplete` with per-field errors when not complete. */
  send(courseId: string, version: number): Observable<CourseHandover> {
    const body: HandoverActionRequest = { version };
    return this.http.post<CourseHandover>(`/api/courses/${courseId}/handover/send`, body);
  }

  /** The mentor acknowledges the sent packet. */
  acknowledge(courseId: string, version: number): Observable<CourseHandover> {
    const body: HandoverActionRequest = { version };
    return this.http.post<CourseHandover>(`/api/courses/${courseId}/handover/acknowledge`, body);
  }
}
