import { LiveAnnouncer } from '@angular/cdk/a11y';
import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotificationKind, NotificationPage, NotificationView } from '@mentor/domain';
import { NotificationBell, notificationLink, notificationText } from './notification-bell';

registerLocaleData(localeDa);

function notification(id: string, changes: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    kind: NotificationKind.ReportSubmitted,
    courseId: 'c1',
    reportId: 'r1',
    dueOn: null,
    reportVersion: 2,
    createdAt: '2026-11-28T10:00:00Z',
    readAt: null,
    ...changes,
  };
}

function page(items: NotificationView[], unreadCount: number): NotificationPage {
  return { items, total: items.length, limit: 10, offset: 0, unreadCount };
}

describe('notifications', () => {
  it('lead to the report, else the course', () => {
    expect(notificationLink(notification('n1'))).toEqual(['/reports', 'r1']);
    expect(notificationLink(notification('n1', { reportId: null }))).toEqual(['/courses', 'c1']);
    expect(notificationLink(notification('n1', { reportId: null, courseId: null }))).toBeNull();
  });

  it("about a share or a message lead to the course's shared items or thread", () => {
    const about = (kind: NotificationKind) => notificationLink(notification('n1', { kind, reportId: null }));
    expect(about(NotificationKind.ItemShared)).toEqual(['/courses', 'c1', 'case']);
    expect(about(NotificationKind.MessageReceived)).toEqual(['/courses', 'c1', 'messages']);
    expect(about(NotificationKind.SparringRequested)).toEqual(['/courses', 'c1', 'messages']);
  });

  it("about a handover lead to the course's handover page", () => {
    const about = (kind: NotificationKind) => notificationLink(notification('n1', { kind, reportId: null }));
    expect(about(NotificationKind.HandoverSent)).toEqual(['/courses', 'c1', 'handover']);
    expect(about(NotificationKind.HandoverAcknowledged)).toEqual(['/courses', 'c1', 'handover']);
    expect(about(NotificationKind.HandoverOverdue)).toEqual(['/courses', 'c1', 'handover']);
  });

  it('are worded from their kind, with the due date in the UI format', () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key} ${JSON.stringify(params)}`;
    const due = notification('n1', { kind: NotificationKind.ReportDueSoon, dueOn: '2026-12-05' });
    expect(notificationText(due, t, 'da')).toBe(
      'notifications.kinds.report_due_soon {"date":"05.12.2026","version":2}',
    );
  });
});

@Component({ template: '' })
class Blank {}

describe('NotificationBell', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the unread count, announces new ones, and marks read', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const announce = jest.spyOn(TestBed.inject(LiveAnnouncer), 'announce').mockResolvedValue();
    const fixture = TestBed.createComponent(NotificationBell);
    await fixture.whenStable();
    const list = '/api/notifications?limit=10&offset=0';
    http.expectOne(list).flush(page([notification('n1'), notification('n2')], 2));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const bell = el.querySelector<HTMLButtonElement>('[data-testid="notifications-bell"]')!;
    expect(el.querySelector('[data-testid="notifications-count"]')?.textContent?.trim()).toBe('2');
    expect(bell.getAttribute('aria-label')).toBe('notifications.label');
    expect(announce).not.toHaveBeenCalled(); // the first count is in the button's name

    bell.click(); // opening the menu fetches anew: one more arrived
    await fixture.whenStable();
    http.expectOne(list).flush(page([notification('n3'), notification('n1'), notification('n2')], 3));
    await fixture.whenStable();
    expect(announce).toHaveBeenCalledWith('notifications.new');

    const items = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="notification"]'));
    expect(items).toHaveLength(3);
    expect(items[0].getAttribute('href')).toBe('/reports/r1');
    items[0].click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: '/api/notifications/n3/read' }).flush(null);
    // Every navigation asks anew.
    http
      .expectOne(list)
      .flush(page([notification('n3', { readAt: 'now' }), notification('n1'), notification('n2')], 2));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="notifications-count"]')?.textContent?.trim()).toBe('2');

    bell.click();
    await fixture.whenStable();
    http.expectOne(list).flush(page([notification('n1'), notification('n2')], 2));
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-testid="notifications-read-all"]')!.click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush(null);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="notifications-count"]')).toBeNull();
    expect(bell.getAttribute('aria-label')).toBe('notifications.labelNone');
  });
});
