import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CaseItem, CaseShare, CreateCaseNoteRequest, CreateShareRequest, SharedItem } from '@mentor/domain';
import { Observable } from 'rxjs';

/**
 * The citizen's case (documents and notes, caseworker), its shares with a course's mentor, and
 * what is shared (mentor). Files are downloaded with plain links: the session is a cookie.
 */
@Injectable({ providedIn: 'root' })
export class CaseSharingApiService {
  private readonly http = inject(HttpClient);

  /** The citizen's documents and notes, newest first. */
  items(citizenId: string): Observable<CaseItem[]> {
    return this.http.get<CaseItem[]>(`/api/citizens/${citizenId}/case-items`);
  }

  /** Multipart parts `file` and `title`; 413 over the size limit, 415 a refused or disguised type. */
  uploadDocument(citizenId: string, file: File, title: string): Observable<CaseItem> {
    const body = new FormData();
    body.append('title', title);
    body.append('file', file, file.name);
    return this.http.post<CaseItem>(`/api/citizens/${citizenId}/case-documents`, body);
  }

  createNote(citizenId: string, body: CreateCaseNoteRequest): Observable<CaseItem> {
    return this.http.post<CaseItem>(`/api/citizens/${citizenId}/case-notes`, body);
  }

  /** Where the caseworker downloads a document of the case. */
  itemFileUrl(itemId: string): string {
    return `/api/case-items/${itemId}/file`;
  }

  /** Every share of the course, newest first (caseworker). */
  shares(courseId: string): Observable<CaseShare[]> {
    return this.http.get<CaseShare[]>(`/api/courses/${courseId}/shares`);
  }

  share(courseId: string, body: CreateShareRequest): Observable<CaseShare> {
    return this.http.post<CaseShare>(`/api/courses/${courseId}/shares`, body);
  }

  /** Ends a share at once: the mentor's next read of it answers 404. */
  revoke(shareId: string): Observable<CaseShare> {
    return this.http.post<CaseShare>(`/api/shares/${shareId}/revoke`, null);
  }

  /** What is shared with the course's mentor now (mentor); every read is audit-logged. */
  sharedItems(courseId: string): Observable<SharedItem[]> {
    return this.http.get<SharedItem[]>(`/api/courses/${courseId}/shared-items`);
  }

  /** One shared item, with a note's text; 404 once revoked or expired. */
  sharedItem(shareId: string): Observable<SharedItem> {
    return this.http.get<SharedItem>(`/api/shares/${shareId}`);
  }

  /** Where the mentor downloads a shared document. */
  sharedFileUrl(shareId: string): string {
    return `/api/shares/${shareId}/file`;
  }
}
