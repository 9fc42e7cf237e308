import { LiveAnnouncer } from '@angular/cdk/a11y';
import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CaseFileType, CourseDetail, MessageThread, MessageView, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { THREAD_POLL_MS } from '../thread-state';
import { MessagesPage } from './messages.page';

registerLocaleData(localeDa);

const COURSE = { id: 'c1', citizenId: 'z1', citizenName: 'Karen Testborger' } as CourseDetail;

function message(id: string, createdAt: string, changes: Partial<MessageView> = {}): MessageView {
  return {
    id,
    authorId: 'u2',
    authorName: 'Rasmus Kjær Olsen',
    authorRole: Role.Caseworker,
    body: `Tekst ${id}`,
    attachments: [],
    createdAt,
    readBy: [],
    own: false,
    ...changes,
  };
}

function thread(messages: MessageView[], changes: Partial<MessageThread> = {}): MessageThread {
  return {
    courseId: 'c1',
    participants: [
      { userId: 'u1', name: 'Anna Andersen', role: Role.Mentor },
      { userId: 'u2', name: 'Rasmus Kjær Olsen', role: Role.Caseworker },
    ],
    teamLeaderInvited: false,
    needsSparring: false,
    unreadCount: 0,
    messages,
    hasOlder: false,
    ...changes,
  };
}

const OWN = message('m1', '2026-03-01T09:00:00Z', {
  authorId: 'u1',
  authorName: 'Anna Andersen',
  authorRole: Role.Mentor,
  own: true,
  readBy: [{ userId: 'u2', name: 'Rasmus Kjær Olsen', readAt: '2026-03-01T10:15:00Z' }],
});
const REPLY = message('m2', '2026-03-01T11:00:00Z', {
  attachments: [{ id: 'a9', fileName: 'plan.pdf', contentType: CaseFileType.Pdf, sizeBytes: 3000 }],
});

describe('MessagesPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    jest.useRealTimers();
  });

  async function open(first: MessageThread, role = Role.Mentor) {
    // Only the poll's interval is faked; the rest of the page runs on real timers.
    jest.useFakeTimers({
      doNotFake: [
        'Date',
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
      ],
    });
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(role));
    await restoring;
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      messages: { thread: { readBy: 'Læst af {{name}} {{date}} kl. {{time}}', you: 'Dig' } },
    });
    await loading;
    const announce = jest.spyOn(TestBed.inject(LiveAnnouncer), 'announce').mockResolvedValue();
    const fixture = TestBed.createComponent(MessagesPage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/courses/c1').flush(COURSE);
    http.expectOne('/api/courses/c1/messages').flush(first);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <E extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<E>(`[data-testid="${id}"]`);
    const all = (id: string) => Array.from(el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
    const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => fixture.whenStable());
    const texts = () => all('message-text').map((p) => p.textContent?.trim());
    return { http, el, q, all, settle, texts, announce, fixture };
  }

  it('shows the thread oldest first with read receipts on own messages, and marks it read up to the newest', async () => {
    const { http, q, all, settle, texts } = await open(thread([OWN, REPLY], { unreadCount: 1 }));
    const read = http.expectOne({ method: 'POST', url: '/api/courses/c1/messages/read' });
    expect(read.request.body).toEqual({ upTo: 'm2' });
    read.flush(null);
    await settle();
    expect(texts()).toEqual(['Tekst m1', 'Tekst m2']);
    expect(all('message-author').map((a) => a.textContent?.trim())).toEqual(['Dig', 'Rasmus Kjær Olsen']);
    const receipts = all('message-receipts');
    expect(receipts).toHaveLength(1);
    expect(receipts[0].textContent).toMatch(/Læst af Rasmus Kjær Olsen 01\.03\.2026 kl\. \d\d:15/);
    expect(q<HTMLAnchorElement>('message-attachment')!.textContent).toContain('plan.pdf');
    expect(q('messages-participants')!.textContent).toContain('Rasmus Kjær Olsen');
  });

  it('uploads attachments as chosen, can remove one, and sends the text with the ids left', async () => {
    const { http, el, q, all, settle, texts, announce } = await open(thread([REPLY]));
    const attach = async (file: File) => {
      const input = q<HTMLInputElement>('message-attachment-input')!;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      (input.files as unknown as { item: (i: number) => File }).item = (i) => [file][i];
      input.dispatchEvent(new Event('change'));
      await settle();
    };
    const body = q<HTMLTextAreaElement>('message-body')!;
    body.value = 'Se vedhæftede plan.';
    body.dispatchEvent(new Event('input'));
    await settle();
    expect(q('message-counter')!.textContent).toContain('messages.composer.counter');

    await attach(new File(['%PDF-1.4'], 'plan.pdf'));
    const upload = http.expectOne({ method: 'POST', url: '/api/courses/c1/message-attachments' });
    expect(((upload.request.body as FormData).get('file') as File).name).toBe('plan.pdf');
    upload.flush({ id: 'a1', fileName: 'plan.pdf', contentType: CaseFileType.Pdf, sizeBytes: 8 });
    await settle();
    await attach(new File(['x'], 'forkert.txt'));
    http
      .expectOne('/api/courses/c1/message-attachments')
      .flush({ id: 'a2', fileName: 'forkert.txt', contentType: CaseFileType.Text, sizeBytes: 1 });
    await settle();
    // Refused in the browser: not uploaded.
    await attach(new File(['<html>'], 'side.html'));
    http.expectNone('/api/courses/c1/message-attachments');
    expect(q('message-error')!.textContent).toContain('caseSharing.files.wrongType');
    expect(all('message-pending-attachment')).toHaveLength(2);
    all('message-remove-attachment')[1].click();
    await settle();
    expect(all('message-pending-attachment')).toHaveLength(1);

    q<HTMLButtonElement>('message-send')!.click();
    await settle();
    const send = http.expectOne({ method: 'POST', url: '/api/courses/c1/messages' });
    expect(send.request.body).toEqual({ body: 'Se vedhæftede plan.', attachmentIds: ['a1'] });
    send.flush(message('m3', '2026-03-01T12:00:00Z', { own: true, body: 'Se vedhæftede plan.' }));
    await settle();
    expect(texts()).toEqual(['Tekst m2', 'Se vedhæftede plan.']);
    expect(q<HTMLTextAreaElement>('message-body')!.value).toBe('');
    expect(el.querySelector('mat-error')).toBeNull();
    expect(all('message-pending-attachment')).toHaveLength(0);
    expect(announce).toHaveBeenCalledWith('messages.composer.sent');
  });

  it('does not send an empty message', async () => {
    const { http, el, q, settle } = await open(thread([]));
    expect(q('messages-empty')).not.toBeNull();
    const body = q<HTMLTextAreaElement>('message-body')!;
    body.value = '   ';
    body.dispatchEvent(new Event('input'));
    q<HTMLButtonElement>('message-send')!.click();
    await settle();
    http.expectNone('/api/courses/c1/messages');
    expect(el.querySelector('mat-error')!.textContent).toContain('messages.composer.empty');
    body.value = 'Hej';
    body.dispatchEvent(new Event('input'));
    q<HTMLButtonElement>('message-send')!.click();
    await settle();
    expect(http.expectOne('/api/courses/c1/messages').request.body).toEqual({ body: 'Hej' });
  });

  it('fetches new messages every 30 seconds, announces and marks them read, and stops when the page is left', async () => {
    const { http, settle, texts, announce, fixture } = await open(thread([OWN]));
    jest.advanceTimersByTime(THREAD_POLL_MS);
    http.expectOne('/api/courses/c1/messages').flush(thread([OWN, REPLY], { unreadCount: 1 }));
    await settle();
    expect(texts()).toEqual(['Tekst m1', 'Tekst m2']);
    expect(announce).toHaveBeenCalledWith('messages.thread.newOne');
    http.expectOne('/api/courses/c1/messages/read').flush(null);

    // Nothing new: nothing said.
    announce.mockClear();
    jest.advanceTimersByTime(THREAD_POLL_MS);
    http.expectOne('/api/courses/c1/messages').flush(thread([OWN, REPLY]));
    await settle();
    expect(announce).not.toHaveBeenCalled();

    fixture.destroy();
    jest.advanceTimersByTime(THREAD_POLL_MS * 2);
    http.expectNone('/api/courses/c1/messages');
  });

  it('loads older messages before the first shown', async () => {
    const { http, q, settle, texts } = await open(thread([REPLY], { hasOlder: true }));
    q<HTMLButtonElement>('messages-load-older')!.click();
    await settle();
    http.expectOne('/api/courses/c1/messages?before=m2').flush(thread([OWN], { hasOlder: false }));
    await settle();
    expect(texts()).toEqual(['Tekst m1', 'Tekst m2']);
    expect(q('messages-load-older')).toBeNull();
  });

  it('flags the need for sparring prominently, and asks the team leader in', async () => {
    const { http, q, settle } = await open(thread([]));
    expect(q('messages-sparring-banner')).toBeNull();
    expect(q('messages-participants')!.textContent).not.toContain('Birgitte');
    q('messages-needs-sparring')!.querySelector('button')!.click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: '/api/courses/c1/messages/settings' });
    expect(put.request.body).toEqual({ needsSparring: true });
    put.flush(thread([], { needsSparring: true }));
    await settle();
    expect(q('messages-sparring-banner')).not.toBeNull();

    q('messages-invite-team-leader')!.querySelector('button')!.click();
    await settle();
    const invite = http.expectOne({ method: 'PUT', url: '/api/courses/c1/messages/settings' });
    expect(invite.request.body).toEqual({ teamLeaderInvited: true });
    invite.flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(q('messages-settings-error')).not.toBeNull();
    expect(q('messages-invite-team-leader')!.querySelector('button')!.getAttribute('aria-checked')).toBe(
      'false',
    );
  });

  it('lets a team leader read and write but not change the settings', async () => {
    const { q } = await open(thread([], { teamLeaderInvited: true }), Role.TeamLeader);
    expect(q('messages-needs-sparring')).toBeNull();
    expect(q('messages-team-leader-invited')).not.toBeNull();
    expect(q('message-body')).not.toBeNull();
  });
});
