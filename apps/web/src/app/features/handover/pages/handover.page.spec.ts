import { LiveAnnouncer } from '@angular/cdk/a11y';
import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  CourseDetail,
  CourseHandover,
  CourseStatus,
  emptyHandoverContent,
  HandoverContent,
  HandoverPacket,
  HandoverSource,
  HandoverStatus,
  Role,
} from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { HandoverPage } from './handover.page';

registerLocaleData(localeDa);

const COURSE = {
  id: 'c1',
  citizenId: 'z1',
  citizenName: 'Karen Testborger',
  status: CourseStatus.Active,
  mentorId: 'u1',
  mentorName: 'Anna Andersen',
} as CourseDetail;

const CONTENT: HandoverContent = {
  ...emptyHandoverContent(),
  background: 'Kort baggrund',
  purpose: 'Komme i gang med et tilbud',
  goals: ['Møde stabilt op'],
  knownBarriers: 'Angst',
  firstSteps: ['Første møde i hjemmet'],
};

function packet(changes: Partial<HandoverPacket> = {}): HandoverPacket {
  return {
    id: null,
    courseId: 'c1',
    mentorId: 'u1',
    mentorName: 'Anna Andersen',
    status: HandoverStatus.Draft,
    source: HandoverSource.Grant,
    content: CONTENT,
    createdByName: null,
    createdAt: null,
    updatedAt: null,
    sentAt: null,
    acknowledgeBy: null,
    acknowledgeOverdue: false,
    acknowledgedAt: null,
    version: 0,
    ...changes,
  };
}

const SENT = packet({
  id: 'h1',
  status: HandoverStatus.Sent,
  createdByName: 'Sagsbehandler Sørensen',
  sentAt: '2026-03-02T09:00:00Z',
  acknowledgeBy: '2026-03-05',
  version: 3,
  content: { ...CONTENT, safetyNotes: 'Mød ikke alene i hjemmet.' },
});

const validationProblem = (errors: { field: string; messages: string[]; codes?: string[] }[]) => ({
  type: 'about:blank',
  title: 'Unprocessable Entity',
  status: 422,
  code: 'handover.incomplete',
  errors,
});

describe('HandoverPage', () => {
  let confirm: jest.SpyInstance;

  beforeEach(() => {
    confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
  });
  afterEach(() => {
    confirm.mockRestore();
    TestBed.inject(HttpTestingController).verify();
  });

  async function open(role: Role, handover: CourseHandover, course: CourseDetail = COURSE) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    jest.spyOn(TestBed.inject(LiveAnnouncer), 'announce').mockResolvedValue();
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(role));
    await restoring;
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      handover: {
        errors: {
          required: 'Skal udfyldes, før overleveringen kan sendes.',
          already_acknowledged: 'Overleveringen er allerede kvitteret.',
        },
      },
    });
    await loading;

    const fixture = TestBed.createComponent(HandoverPage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/courses/c1').flush(course);
    http.expectOne('/api/courses/c1/handover').flush(handover);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const one = <T extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<T>(`[data-testid="${id}"]`);
    const type = async (id: string, value: string) => {
      const input = one<HTMLTextAreaElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      one(id)!.click();
      await fixture.whenStable();
    };
    const fieldText = (id: string) => one(id)?.closest('mat-form-field')?.textContent ?? '';
    return { fixture, http, el, one, type, click, fieldText };
  }

  describe('for a caseworker', () => {
    it('marks an unsaved suggestion and saves it as the first draft', async () => {
      const { http, one, click } = await open(Role.Caseworker, { current: packet(), earlier: [] });
      expect(one('handover-state')?.textContent).toContain('handover.statuses.unsaved');
      expect(one<HTMLTextAreaElement>('handover-background')!.value).toBe('Kort baggrund');
      expect(one<HTMLInputElement>('handover-goals-0')!.value).toBe('Møde stabilt op');

      await click('handover-save');
      const save = http.expectOne('/api/courses/c1/handover');
      expect(save.request.method).toBe('PUT');
      expect(save.request.body).toEqual({ content: CONTENT, version: 0 });
      save.flush({
        current: packet({ id: 'h1', version: 1, updatedAt: '2026-03-01T10:00:00Z' }),
        earlier: [],
      });
      await new Promise((resolve) => setTimeout(resolve));

      expect(one('handover-notice')?.textContent).toContain('handover.editor.saved');
      expect(one('handover-state')?.textContent).toContain('handover.statuses.draft');
      // Saved and unchanged: nothing to send to the server.
      await click('handover-save');
      http.expectNone('/api/courses/c1/handover');
      expect(one('handover-notice')?.textContent).toContain('handover.editor.noChanges');
    });

    it('adds and removes goals, and sends the list as edited', async () => {
      const { http, one, type, click } = await open(Role.Caseworker, {
        current: packet({ id: 'h1', version: 2 }),
        earlier: [],
      });
      await click('handover-goals-add');
      await type('handover-goals-1', 'Få styr på økonomien');
      await click('handover-goals-0-remove');
      expect(one('handover-goals-1')).toBeNull();
      await click('handover-save');
      const save = http.expectOne('/api/courses/c1/handover');
      expect(save.request.body).toEqual({
        content: { ...CONTENT, goals: ['Få styr på økonomien'] },
        version: 2,
      });
      save.flush({
        current: packet({ id: 'h1', version: 3, content: { ...CONTENT, goals: ['Få styr på økonomien'] } }),
        earlier: [],
      });
    });

    it('says at the fields what is missing before sending, without asking the server', async () => {
      const { http, one, fieldText, click } = await open(Role.Caseworker, {
        current: packet({ content: { ...CONTENT, background: '', firstSteps: [] } }),
        earlier: [],
      });
      await click('handover-send');
      http.expectNone('/api/courses/c1/handover');
      expect(confirm).not.toHaveBeenCalled();
      expect(fieldText('handover-background')).toContain('Skal udfyldes');
      expect(one('handover-firstSteps-error')?.textContent).toBeTruthy();
      expect(one('handover-error')?.textContent).toContain('handover.editor.fixFields');
      // The keyboard is taken to the first field to fill in.
      expect(document.activeElement).toBe(one('handover-background'));
    });

    it('saves changes first, then sends with the saved version, and shows the sent packet', async () => {
      const { http, el, one, type, click } = await open(Role.Caseworker, {
        current: packet({ id: 'h1', version: 4 }),
        earlier: [],
      });
      await type('handover-safetyNotes', 'Mød ikke alene i hjemmet.');
      await click('handover-send');
      expect(confirm).toHaveBeenCalledWith('handover.editor.confirmSend');

      const save = http.expectOne('/api/courses/c1/handover');
      expect(save.request.body.version).toBe(4);
      expect(save.request.body.content.safetyNotes).toBe('Mød ikke alene i hjemmet.');
      save.flush({
        current: packet({ id: 'h1', version: 5, content: save.request.body.content }),
        earlier: [],
      });
      const send = http.expectOne('/api/courses/c1/handover/send');
      expect(send.request.body).toEqual({ version: 5 });
      send.flush({ current: SENT, earlier: [] });
      await new Promise((resolve) => setTimeout(resolve));

      expect(one('handover-state')?.textContent).toContain('handover.statuses.sent');
      expect(one('handover-acknowledge-by')?.textContent).toContain('05.03.2026');
      expect(one('handover-message')?.textContent).toContain('handover.sentNotice');
      expect(el.querySelector('textarea')).toBeNull();
      expect(one('handover-view-safety')?.textContent).toContain('Mød ikke alene i hjemmet.');
      // A caseworker does not acknowledge.
      expect(one('handover-acknowledge')).toBeNull();
    });

    it("puts the API's refusal to send at the fields it names", async () => {
      const { http, fixture, fieldText, click } = await open(Role.Caseworker, {
        current: packet({ id: 'h1', version: 4 }),
        earlier: [],
      });
      await click('handover-send');
      http.expectOne('/api/courses/c1/handover/send').flush(
        validationProblem([
          {
            field: 'content.knownBarriers',
            messages: ['content.knownBarriers is required to send the packet'],
            codes: ['handover.required'],
          },
        ]),
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await fixture.whenStable();
      expect(fieldText('handover-knownBarriers')).toContain('Skal udfyldes, før overleveringen kan sendes.');
    });

    it('says when someone else saved first, and loads the packet anew on request', async () => {
      const { http, fixture, one, type, click } = await open(Role.Caseworker, {
        current: packet({ id: 'h1', version: 4 }),
        earlier: [],
      });
      await type('handover-background', 'Min ændring');
      await click('handover-save');
      http
        .expectOne('/api/courses/c1/handover')
        .flush(
          { type: 'about:blank', title: 'Conflict', status: 409, code: 'handover.stale_version' },
          { status: 409, statusText: 'Conflict' },
        );
      await fixture.whenStable();
      const stale = one('handover-stale')!;
      expect(stale.textContent).toContain('handover.editor.stale');

      stale.querySelector('button')!.click();
      await fixture.whenStable();
      http.expectOne('/api/courses/c1').flush(COURSE);
      http.expectOne('/api/courses/c1/handover').flush({
        current: packet({ id: 'h1', version: 5, content: { ...CONTENT, background: 'Andens tekst' } }),
        earlier: [],
      });
      await fixture.whenStable();
      expect(one<HTMLTextAreaElement>('handover-background')!.value).toBe('Andens tekst');
      expect(one('handover-stale')).toBeNull();
    });

    it('says so when the course has no mentor yet', async () => {
      const { one } = await open(
        Role.Caseworker,
        { current: null, earlier: [] },
        { ...COURSE, mentorId: null },
      );
      expect(one('handover-none')?.textContent).toContain('handover.none.noMentor');
    });
  });

  describe('for the mentor', () => {
    it('shows the sent packet read-only, safety notes first, and records the acknowledgement', async () => {
      const { http, el, one, click } = await open(Role.Mentor, { current: SENT, earlier: [] });
      expect(el.querySelector('textarea')).toBeNull();
      expect(one('handover-save')).toBeNull();
      expect(one('handover-read-first')).not.toBeNull();
      const safety = one('handover-view-safety')!;
      expect(safety.getAttribute('role')).toBe('note');
      expect(safety.textContent).toContain('Mød ikke alene i hjemmet.');
      expect(one('handover-view-goals')?.textContent).toContain('Møde stabilt op');
      expect(one('handover-view-firstSteps')?.querySelector('ol')?.textContent).toContain(
        'Første møde i hjemmet',
      );

      await click('handover-acknowledge');
      expect(confirm).toHaveBeenCalledWith('handover.mentor.confirmAcknowledge');
      const acknowledge = http.expectOne('/api/courses/c1/handover/acknowledge');
      expect(acknowledge.request.method).toBe('POST');
      expect(acknowledge.request.body).toEqual({ version: 3 });
      acknowledge.flush({
        current: {
          ...SENT,
          status: HandoverStatus.Acknowledged,
          acknowledgedAt: '2026-03-03T08:15:00Z',
          version: 4,
        },
        earlier: [],
      });
      await new Promise((resolve) => setTimeout(resolve));

      expect(one('handover-state')?.textContent).toContain('handover.statuses.acknowledged');
      expect(one('handover-acknowledged-at')?.textContent).toMatch(/03\.03\.2026 \d{2}:15/);
      expect(one('handover-acknowledge')).toBeNull();
      expect(one('handover-message')?.textContent).toContain('handover.mentor.acknowledged');
      expect(one('handover-log-contact')?.getAttribute('href')).toBe('/courses/c1/log');
    });

    it('says why an acknowledgement was refused, and shows how the packet stands now', async () => {
      const { http, fixture, one, click } = await open(Role.Mentor, { current: SENT, earlier: [] });
      await click('handover-acknowledge');
      http
        .expectOne('/api/courses/c1/handover/acknowledge')
        .flush(
          { type: 'about:blank', title: 'Conflict', status: 409, code: 'handover.already_acknowledged' },
          { status: 409, statusText: 'Conflict' },
        );
      await fixture.whenStable();
      expect(one('handover-message')?.textContent).toContain('Overleveringen er allerede kvitteret.');
      http.expectOne('/api/courses/c1').flush(COURSE);
      http.expectOne('/api/courses/c1/handover').flush({
        current: { ...SENT, status: HandoverStatus.Acknowledged, acknowledgedAt: '2026-03-03T08:15:00Z' },
        earlier: [],
      });
      await fixture.whenStable();
      expect(one('handover-acknowledge')).toBeNull();
    });

    it('does not acknowledge without confirmation', async () => {
      const { http, click } = await open(Role.Mentor, { current: SENT, earlier: [] });
      confirm.mockReturnValue(false);
      await click('handover-acknowledge');
      http.expectNone('/api/courses/c1/handover/acknowledge');
    });

    it('marks an overdue acknowledgement', async () => {
      const { one } = await open(Role.Mentor, {
        current: { ...SENT, acknowledgeOverdue: true },
        earlier: [],
      });
      expect(one('handover-overdue')?.textContent).toContain('handover.status.overdue');
    });

    it('says the packet is not sent yet when there is none for them', async () => {
      const { one } = await open(Role.Mentor, { current: null, earlier: [] });
      expect(one('handover-none')?.textContent).toContain('handover.none.mentor');
    });
  });

  describe('for a team leader', () => {
    it('says the packet is not sent yet while there is none to read', async () => {
      const { one } = await open(Role.TeamLeader, { current: null, earlier: [] });
      expect(one('handover-none')?.textContent).toContain('handover.none.notSent');
    });

    it("reads the current and earlier mentors' packets, and changes nothing", async () => {
      const earlier = packet({
        id: 'h0',
        mentorId: 'u9',
        mentorName: 'Tidligere Mentor',
        status: HandoverStatus.Acknowledged,
        acknowledgedAt: '2026-01-05T10:00:00Z',
        version: 2,
      });
      const { el, one } = await open(Role.TeamLeader, { current: SENT, earlier: [earlier] });
      expect(el.querySelector('textarea')).toBeNull();
      expect(one('handover-acknowledge')).toBeNull();
      expect(one('handover-view')).not.toBeNull();
      const panels = el.querySelectorAll('[data-testid="handover-earlier"]');
      expect(panels).toHaveLength(1);
      expect(panels[0].textContent).toContain('Tidligere Mentor');
      expect(panels[0].textContent).toContain('handover.statuses.acknowledged');
      expect(panels[0].textContent).toContain('05.01.2026');
    });
  });
});
