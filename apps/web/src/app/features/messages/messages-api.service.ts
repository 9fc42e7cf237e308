import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  MessageAttachment,
  MessageThread,
  MessageView,
  SendMessageRequest,
  ThreadSettingsRequest,
} from '@mentor/domain';
import { Observable } from 'rxjs';

/** A course's message thread between the caseworker and the mentor (and team leaders when asked in). */
@Injectable({ providedIn: 'root' })
export class MessagesApiService {
  private readonly http = inject(HttpClient);

  /** The newest page of the thread, or the page before `before`; oldest first within the page. */
  thread(courseId: string, before?: string): Observable<MessageThread> {
    const params = before ? new HttpParams().set('before', before) : undefined;
    return this.http.get<MessageThread>(`/api/courses/${courseId}/messages`, { params });
  }

  send(courseId: string, body: SendMessageRequest): Observable<MessageView> {
    return this.http.post<MessageView>(`/api/courses/${courseId}/messages`, body);
  }

  /** Multipart part `file`; linked to a message by id when it is sent. */
  uploadAttachment(courseId: string, file: File): Observable<MessageAttachment> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<MessageAttachment>(`/api/courses/${courseId}/message-attachments`, body);
  }

  /** Marks every message up to and including `upTo` read by the caller. */
  markRead(courseId: string, upTo: string): Observable<void> {
    return this.http.post<void>(`/api/courses/${courseId}/messages/read`, { upTo });
  }

  /** Needs sparring, team leader invited (mentor or caseworker); answers the thread with its new settings. */
  settings(courseId: string, body: ThreadSettingsRequest): Observable<MessageThread> {
    return this.http.put<MessageThread>(`/api/courses/${courseId}/messages/settings`, body);
  }

  /** Where an attachment is downloaded from (a plain link: the session is a cookie). */
  attachmentUrl(courseId: string, attachmentId: string): string {
    return `/api/courses/${courseId}/message-attachments/${attachmentId}`;
  }
}
