import { addDays, isValidCpr, MeetingPlace, MENTOR_PASSWORD_MIN_LENGTH, MentorType } from '@mentor/domain';
import { todayInDenmark } from '../src/common/clock';
import { completeContent, handOver } from './handover-helpers';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

/**
 * Fifty clients edit the same object at once, each with the version they read (the same one):
 * exactly one edit wins, the other 49 are told 409 (someone else changed it), and the stored
 * object is the winner's edit, applied once.
 */

const EDITS = 50;
const today = todayInDenmark();
const CW = 'sagsbehandler.cji';
const M = 'mentor.cji1';
const TL = 'teamleder.cji';

describe('fifty concurrent edits with the same version', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let org: string;
  let cprSerial = 2000;

  const as = (user: string) => ({ token: tokens[user] as string });
  const get = async (user: string, path: string) => {
    const response = await t.request<any>('GET', path, as(user));
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body;
  };
  const send = async (user: string, method: string, path: string, json: unknown, status: number) => {
    const response = await t.request<any>(method, path, { ...as(user), json });
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status });
    return response.body;
  };

  /** A citizen with a grant and a course whose mentor is M, the handover done when asked. */
  async function newCourse(name: string, handedOver: boolean) {
    let citizen: TestResponse<any>;
    do {
      let cpr: string;
      do {
        const serial = cprSerial++;
        cpr = `${String((serial % 28) + 1).padStart(2, '0')}1${(serial % 2) + 1}6${serial % 10}-${serial}`;
      } while (!isValidCpr(cpr));
      citizen = await t.request<any>('POST', '/api/citizens', {
        ...as(CW),
        json: { name, cpr, preferredMeetingPlace: MeetingPlace.Home },
      });
    } while (citizen.status === 409);
    expect(citizen.status).toBe(201);
    const grant = await send(
      CW,
      'POST',
      '/api/grants',
      {
        citizenId: citizen.body.id,
        mentorType: MentorType.Holistic,
        purpose: 'Struktur i hverdagen',
        tasks: 'Støtte til aftaler',
        goals: ['Møde stabilt op til aftaler'],
        minutesPerWeek: 60,
        startsOn: addDays(today, -30),
        endsOn: addDays(today, 150),
        deliveringOrganisationId: org,
        mentorId: ids[M],
      },
      201,
    );
    if (handedOver) await handOver(t, grant.courseId, tokens[CW]!, tokens[M]!);
    return {
      citizenId: citizen.body.id as string,
      grantId: grant.id as string,
      courseId: grant.courseId as string,
    };
  }

  /**
   * Sends all edits at once and checks the answers: one success, the rest 409 problems with the
   * object's stale_version code. Returns the index of the winning edit.
   */
  async function race(
    user: string,
    method: string,
    path: string,
    bodies: unknown[],
    success: number,
    what: string,
  ): Promise<number> {
    const responses = await Promise.all(
      bodies.map((json) => t.request<any>(method, path, { ...as(user), json })),
    );
    const statuses = responses.map((r) => r.status);
    expect({
      success: statuses.filter((s) => s === success).length,
      conflict: statuses.filter((s) => s === 409).length,
      other: statuses.filter((s) => s !== success && s !== 409),
    }).toEqual({ success: 1, conflict: EDITS - 1, other: [] });
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe(`${what}.stale_version`);
    }
    return statuses.indexOf(success);
  }

  const indexes = Array.from({ length: EDITS }, (_, i) => i);

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    for (const user of [CW, M, TL]) {
      tokens[user] = await t.login(user);
      ids[user] = (await get(user, '/api/me')).id;
    }
    org = (await get(M, '/api/me')).organisationId;
  }, 60_000);
  afterAll(() => t.close());

  it('a citizen update: one wins, and the citizen is the winner’s', async () => {
    const { citizenId } = await newCourse('Samtidig Borger', false);
    const path = `/api/citizens/${citizenId}`;
    const { version } = await get(CW, path);
    const bodies = indexes.map((i) => ({
      name: `Samtidig Borger ${i}`,
      address: `Samtidighedsvej ${i}`,
      version,
    }));
    const winner = await race(CW, 'PATCH', path, bodies, 200, 'citizen');
    const stored = await get(CW, path);
    expect(stored).toMatchObject({ name: `Samtidig Borger ${winner}`, address: `Samtidighedsvej ${winner}` });
    expect(stored.version).toBe(version + 1);
  });

  it('a grant’s minutes change: one wins, and only the winner’s minutes are stored', async () => {
    const { grantId } = await newCourse('Samtidig Bevilling', false);
    const path = `/api/grants/${grantId}`;
    const before = await get(CW, path);
    // Each on its own date, so that only the version can make them collide.
    const bodies = indexes.map((i) => ({
      minutesPerWeek: 61 + i,
      effectiveFrom: addDays(today, 1 + i),
      version: before.version,
    }));
    const winner = await race(CW, 'POST', `${path}/minutes`, bodies, 201, 'grant');
    const stored = await get(CW, path);
    expect(stored.version).toBe(before.version + 1);
    const added = stored.minutes
      .filter(
        (m: { effectiveFrom: string }) =>
          !before.minutes.some((b: any) => b.effectiveFrom === m.effectiveFrom),
      )
      .map(({ minutesPerWeek, effectiveFrom }: { minutesPerWeek: number; effectiveFrom: string }) => ({
        minutesPerWeek,
        effectiveFrom,
      }));
    expect(added).toEqual([{ minutesPerWeek: 61 + winner, effectiveFrom: addDays(today, 1 + winner) }]);
  });

  it('a course’s mentor change: one wins, and the course has the winner’s mentor, once', async () => {
    const { courseId } = await newCourse('Samtidigt Forløb', false);
    const mentors: string[] = [];
    for (let i = 0; i < 5; i++) {
      const registered = await send(
        TL,
        'POST',
        '/api/workforce/mentors',
        {
          name: `Samtidig Mentor ${i}`,
          username: `samtidig.mentor${i}`,
          password: 'p'.repeat(MENTOR_PASSWORD_MIN_LENGTH),
        },
        201,
      );
      mentors.push(registered.profile.mentorId);
    }
    const path = `/api/courses/${courseId}`;
    const before = await get(CW, path);
    const bodies = indexes.map((i) => ({ mentorId: mentors[i % mentors.length], version: before.version }));
    const winner = await race(CW, 'PATCH', path, bodies, 200, 'course');
    const stored = await get(CW, path);
    expect(stored.mentorId).toBe(mentors[winner % mentors.length]);
    expect(stored.version).toBe(before.version + 1);
    // The losers' mentor periods were rolled back with them: one period ended, one begun.
    expect(stored.mentorHistory).toHaveLength(before.mentorHistory.length + 1);
    expect(stored.mentorHistory.filter((p: { toDate: string | null }) => p.toDate === null)).toEqual([
      expect.objectContaining({ mentorId: mentors[winner % mentors.length] }),
    ]);
  });

  it('a handover draft save, the first and a later one: one wins each time, with its content', async () => {
    const { courseId } = await newCourse('Samtidig Overlevering', false);
    const path = `/api/courses/${courseId}/handover`;
    const prefilled = (await get(CW, path)).current;
    expect(prefilled.version).toBe(0);
    for (const version of [0, 1]) {
      const bodies = indexes.map((i) => ({
        content: { ...completeContent(prefilled.content), background: `Baggrund ${version}.${i}` },
        version,
      }));
      const winner = await race(CW, 'PUT', path, bodies, 200, 'handover');
      const stored = (await get(CW, path)).current;
      expect(stored.version).toBe(version + 1);
      expect(stored.content).toEqual((bodies[winner] as { content: unknown }).content);
    }
  });

  it('a progression report save: one wins, and the report is the winner’s', async () => {
    const { courseId } = await newCourse('Samtidig Rapport', true);
    const report = await send(M, 'POST', `/api/courses/${courseId}/reports`, { periodTo: today }, 201);
    const path = `/api/reports/${report.id}`;
    const bodies = indexes.map((i) => ({
      content: { ...report.content, citizenView: `Borgerens syn nummer ${i}` },
      version: report.version,
    }));
    const winner = await race(M, 'PATCH', path, bodies, 200, 'report');
    const stored = await get(M, path);
    expect(stored.version).toBe(report.version + 1);
    expect(stored.content).toEqual((bodies[winner] as { content: unknown }).content);
  });
});
