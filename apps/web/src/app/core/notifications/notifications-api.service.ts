import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NotificationPage } from '@mentor/domain';
import { Observable } from 'rxjs';

/** The caller's in-app notifications. */
@Injectable({ providedIn: 'root' })
export class NotificationsApiService {
  private readonly http = inject(HttpClient);

  /** One page, newest first, with the unread count. */
  list(limit: number, offset = 0): Observable<NotificationPage> {
    const params = new HttpParams().set('limit', String(limit)).set('offset', String(offset));
    return this.http.get<NotificationPage>('/api/notifications', { params });
  }

  markRead(id: string): Observable<unknown> {
    return this.http.post(`/api/notifications/${id}/read`, null);
  }

  markAllRead(): Observable<unknown> {
    return this.http.post('/api/notifications/read-all', null);
  }
}
