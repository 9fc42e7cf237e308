import { todayInDenmark } from '../src/common/clock';
import { WORKFORCE_STATEMENT_SETTINGS } from '../src/workforce/workforce-queries';
import { startTestApp, type TestApp } from './test-app';

/**
 * Each list endpoint answers with a fixed number of SQL statements however many rows it returns:
 * no N+1. Counts include the session lookup and the audit insert.
 */
describe('SQL statements per list request', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of ['mentor.cji1', 'sagsbehandler.cji', 'teamleder.cji'])
      tokens[username] = await t.login(username);
  });
  afterAll(() => t.close());

  async function statements(
    username: string,
    path: string,
  ): Promise<{ count: number; rows: number; statements: string[] }> {
    // A session seen within the last minute is not touched again, so the count does not depend on timing.
    await t.db.query('UPDATE session SET last_seen_at = now()');
    t.queries.reset();
    const response = await t.request<any>('GET', path, { token: tokens[username] });
    expect(response.status).toBe(200);
    const rows = Array.isArray(response.body) ? response.body.length : response.body.items.length;
    return { count: t.queries.count, rows, statements: [...t.queries.statements] };
  }

  it.each([
    // The session, the page, and its audit record (which concurrent reads share: ReadAuditWriter).
    ['mentor.cji1', '/api/courses', 3],
    ['sagsbehandler.cji', '/api/courses?limit=100', 3],
    ['teamleder.cji', '/api/courses?limit=100', 3],
    ['sagsbehandler.cji', '/api/citizens?limit=100', 4],
    ['teamleder.cji', '/api/users?limit=100', 2], // the page and its total in one statement
    ['teamleder.cji', '/api/organisations?limit=100', 3],
  ])('%s GET %s uses at most %i statements', async (username, path, expected) => {
    const few = await statements(
      username,
      path.replace(/limit=\d+/, 'limit=1').replace(/^(\/api\/courses)$/, '$1?limit=1'),
    );
    const many = await statements(username, path);
    expect(many.rows).toBeGreaterThan(1);
    // TypeORM skips the count query when a page is not full, so a page may need one statement less.
    expect(few.statements.length).toBeLessThanOrEqual(expected);
    expect(many.statements.length).toBeLessThanOrEqual(expected);
    expect(many.statements.length).toBeGreaterThanOrEqual(expected - 1);
  });

  it('logs a contact in one statement: the course lookup, the contact and its audit record', async () => {
    const token = tokens['mentor.cji1'];
    const list = await t.request<any>('GET', '/api/courses?status=active&limit=100', { token });
    const course = list.body.items.find((c: any) => c.handoverStatus === 'acknowledged');
    await t.db.query('UPDATE session SET last_seen_at = now()');
    t.queries.reset();
    const response = await t.request<any>('POST', `/api/courses/${course.id}/contacts`, {
      token,
      json: {
        contactDate: todayInDenmark(),
        startTime: '00:00',
        minutes: 15,
        form: 'phone',
        showedUp: true,
        topics: [],
        help: [],
      },
    });
    expect(response.status).toBe(201);
    // The session lookup, then the one statement, which also wrote the audit record.
    expect(t.queries.count).toBe(2);
    const [audit] = await t.db.query(
      `SELECT citizen_ids FROM audit_event WHERE action = 'contact.create' AND entity_id = $1`,
      [response.body.contact.id],
    );
    expect(audit.citizen_ids).toEqual([course.citizenId]);
  });

  it('reads a course page and its contacts in a fixed number of statements', async () => {
    const courses = await t.request<any>('GET', '/api/courses', { token: tokens['mentor.cji1'] });
    const id = courses.body.items[0].id;
    expect((await statements('mentor.cji1', `/api/courses/${id}/contacts?limit=100`)).count).toBe(4);
    await t.db.query('UPDATE session SET last_seen_at = now()');
    t.queries.reset();
    await t.request('GET', `/api/courses/${id}`, { token: tokens['mentor.cji1'] });
    // The session, the course with its grant, minutes and mentor history, and the audit record.
    expect(t.queries.count).toBe(3);
    // The weekly chart: the session, the course (without the page's detail) and its audit record, its weeks.
    await t.db.query('UPDATE session SET last_seen_at = now()');
    t.queries.reset();
    await t.request('GET', `/api/courses/${id}/weeks`, { token: tokens['mentor.cji1'] });
    expect(t.queries.count).toBe(4);
    expect(t.queries.statements.some((s) => s.includes('json_build_object'))).toBe(false);
  });

  it('reads the load view, its export and the assignment candidates without a query per mentor', async () => {
    const me = await t.request<any>('GET', '/api/me', { token: tokens['teamleder.cji'] });
    const org = me.body.organisationId;
    // The session, then every mentor with courses, minutes, reports, certification, training and
    // supervision in one statement, in a transaction of its own that has it planned for this
    // organisation (WORKFORCE_STATEMENT_SETTINGS).
    const view = await statements('teamleder.cji', `/api/organisations/${org}/workforce?limit=100`);
    expect(view.rows).toBeGreaterThan(1);
    expect(view.statements).toHaveLength(5);
    expect(view.statements.slice(1, 3)).toEqual(['START TRANSACTION', ...WORKFORCE_STATEMENT_SETTINGS]);
    expect(view.statements[4]).toBe('COMMIT');
    await t.db.query('UPDATE session SET last_seen_at = now()');
    t.queries.reset();
    const csv = await t.request('GET', `/api/organisations/${org}/workforce.csv`, {
      token: tokens['teamleder.cji'],
    });
    expect(csv.status).toBe(200);
    expect(t.queries.count).toBe(5);
    // The session, the organisation, then the candidates with their load and certification.
    const options = await statements('sagsbehandler.cji', `/api/organisations/${org}/mentors`);
    expect(options.rows).toBeGreaterThan(1);
    expect(options.statements).toHaveLength(3);
  });
});
