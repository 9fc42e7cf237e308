import { addDays } from '@mentor/domain';
import { MIGRATIONS, runMigrations } from '@mentor/migrations';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { inflateSync } from 'node:zlib';
import { eventsStatement } from '../src/access-log/access-log.service';
import { todayInDenmark } from '../src/common/clock';
import { appDataSourceOptions } from '../src/database/data-source';
import { asTenant } from '../src/database/tenant-context';
import { startTestApp, type TestApp } from './test-app';

/** The text a PDF shows: its content streams inflated, each text array's strings joined per line. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const [, array] of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...(array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      // WinAnsi is Latin-1 but for a few signs, such as the en dash.
      lines.push(Buffer.from(hex, 'hex').toString('latin1').replace(/\x96/g, '–'));
    }
  }
  return lines.join('\n');
}

describe("the citizen's access log", () => {
  let t: TestApp;
  let caseworker: string;
  let mentor: string;
  let citizenId: string;
  let courseId: string;
  const staff: { name: string; id: string }[] = [];
  const today = todayInDenmark();

  const log = (query = '', token = caseworker) =>
    t.request<any>('GET', `/api/citizens/${citizenId}/access-log${query}`, { token });
  const file = async (suffix: '.csv' | '.pdf', query = '', token = caseworker) => {
    const response = await fetch(`${t.baseUrl}/api/citizens/${citizenId}/access-log${suffix}${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [caseworker, mentor] = await Promise.all(
      ['sagsbehandler.cab', 'mentor.vejenvidere2'].map((u) => t.login(u)),
    );
    for (const token of [caseworker, mentor]) {
      const me = (await t.request<any>('GET', '/api/me', { token })).body;
      staff.push({ name: me.name, id: me.id });
    }
    const mentorOrganisation = (await t.request<any>('GET', '/api/me', { token: mentor })).body
      .organisationId;
    const citizen = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: { name: 'Indsigt Prøvegaard', cpr: '240487-2222', preferredMeetingPlace: 'home' },
    });
    expect(citizen.status).toBe(201);
    citizenId = citizen.body.id;
    const grant = await t.request<any>('POST', '/api/grants', {
      token: caseworker,
      json: {
        citizenId,
        mentorType: 'retention',
        purpose: 'Fastholdelse i job',
        tasks: 'Opfølgning med arbejdsgiver',
        goals: ['Blive i jobbet'],
        minutesPerWeek: 45,
        startsOn: addDays(today, -14),
        endsOn: addDays(today, 60),
        deliveringOrganisationId: mentorOrganisation,
        mentorId: staff[1]!.id,
      },
    });
    expect(grant.status).toBe(201);
    courseId = grant.body.courseId;
    // A read by the external mentor and one by the caseworker.
    expect((await t.request('GET', `/api/courses/${courseId}`, { token: mentor })).status).toBe(200);
    expect((await t.request('GET', `/api/citizens/${citizenId}`, { token: caseworker })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('lists reads and changes newest first, with role and organisation but never staff names or ids', async () => {
    const response = await log();
    expect(response.status).toBe(200);
    const items: any[] = response.body.items;
    expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort().reverse());
    // Making the log is itself a use, recorded first and so listed first.
    expect(items[0]).toMatchObject({ action: 'citizen.access_log', actorRole: 'caseworker' });
    expect(items[1]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      action: 'citizen.read',
      kind: 'read',
      purpose: 'case_handling',
      actorRole: 'caseworker',
      organisationName: 'Center for Afklaring og Beskæftigelse',
    });
    expect(items).toEqual(
      expect.arrayContaining([
        {
          at: expect.any(String),
          action: 'course.read',
          kind: 'read',
          purpose: 'mentor_support',
          actorRole: 'mentor',
          organisationName: 'Vejen Videre A/S',
        },
        expect.objectContaining({ action: 'citizen.create', kind: 'change', actorRole: 'caseworker' }),
        expect.objectContaining({ action: 'grant.create', kind: 'change' }),
      ]),
    );
    const text = JSON.stringify(response.body);
    for (const person of staff) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.id);
    }
  });

  it('records that the log was made, as a use for the right of access', async () => {
    const before = await log();
    const again = await log();
    expect(again.body.total).toBe(before.body.total + 1);
    expect(again.body.items[0]).toMatchObject({
      action: 'citizen.access_log',
      kind: 'read',
      purpose: 'right_of_access',
      actorRole: 'caseworker',
    });
    const [event] = await t.db.query(
      `SELECT entity_type, entity_id, details, actor_role FROM audit_event
        WHERE action = 'citizen.access_log' AND citizen_ids @> ARRAY[$1]::uuid[] ORDER BY at DESC LIMIT 1`,
      [citizenId],
    );
    expect(event).toEqual({
      entity_type: 'citizen',
      entity_id: citizenId,
      details: { format: 'page', from: null, to: null },
      actor_role: 'caseworker',
    });
  });

  it('pages and filters by Danish calendar days', async () => {
    const all = await log('?limit=100');
    const page = await log('?limit=2&offset=1');
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: all.body.total + 1 });
    expect(page.body.items).toHaveLength(2);
    // The page's own record comes first, then the one of the request before.
    expect(page.body.items[0]).toEqual(all.body.items[0]);
    const beyond = await log('?limit=10&offset=10000');
    expect(beyond.body.items).toEqual([]);
    expect(beyond.body.total).toBeGreaterThan(0);

    expect((await log(`?from=${today}&to=${today}`)).body.total).toBeGreaterThan(0);
    expect((await log(`?from=${addDays(today, 1)}`)).body.total).toBe(0);
    expect((await log(`?to=${addDays(today, -1)}`)).body.total).toBe(0);

    for (const [query, field] of [
      [`?from=${today}&to=${addDays(today, -1)}`, 'to'],
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?limit=0', 'limit'],
      ['?page=2', 'page'],
    ] as const) {
      const response = await log(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors.map((e: any) => e.field)).toContain(field);
    }
  });

  it('exports CSV for Danish Excel', async () => {
    const response = await file('.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="indsigtslog-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Tidspunkt;Handling;Læst eller ændret;Formål;Rolle;Organisation');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2};Forløb vist;Læst;Mentorstøtte;Mentor;Vejen Videre A\/S$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/;Borger oprettet;Ændret;Sagsbehandling;Sagsbehandler;/),
    );
    for (const person of staff) expect(response.body.toString('utf8')).not.toContain(person.name);
    const [event] = await t.db.query(
      `SELECT details FROM audit_event WHERE action = 'citizen.access_log' AND citizen_ids @> ARRAY[$1]::uuid[]
        ORDER BY at DESC LIMIT 1`,
      [citizenId],
    );
    expect(event.details).toEqual({ format: 'csv', from: null, to: null });
  });

  it('exports a PDF with the citizen, the period and the rows', async () => {
    const response = await file('.pdf', `?from=${addDays(today, -30)}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="indsigtslog-.*\.pdf"$/,
    );
    expect(response.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(response.body);
    expect(text).toContain('Indsigtslog');
    expect(text).toContain('Indsigt Prøvegaard (240487-XXXX)');
    expect(text).toContain(
      `${addDays(today, -30).split('-').reverse().join('.')} – ${today.split('-').reverse().join('.')}`,
    );
    expect(text).toContain('Vejen Videre A/S');
    expect(text).toContain('Forløb vist');
    expect(text).not.toContain('240487-2222');
    for (const person of staff) expect(text).not.toContain(person.name);
  });

  it("answers 404 for another caseworker's citizen and 403 to roles without the log", async () => {
    const other = await t.login('sagsbehandler.cji');
    for (const path of ['', '.csv', '.pdf']) {
      const response = await t.request<any>('GET', `/api/citizens/${citizenId}/access-log${path}`, {
        token: other,
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const missing = await t.request('GET', `/api/citizens/00000000-0000-4000-8000-000000000000/access-log`, {
      token: caseworker,
    });
    expect(missing.status).toBe(404);
    for (const username of ['mentor.vejenvidere2', 'teamleder.vejenvidere', 'admin']) {
      const token = await t.login(username);
      for (const path of ['', '.csv', '.pdf']) {
        const response = await t.request('GET', `/api/citizens/${citizenId}/access-log${path}`, { token });
        expect({ username, path, status: response.status }).toEqual({ username, path, status: 403 });
      }
    }
  });

  it('finds the log by the citizen index, also in a large audit trail', async () => {
    const [citizen] = await t.db.query('SELECT municipality_id FROM citizen WHERE id = $1', [citizenId]);
    const caller = { id: staff[0]!.id, role: 'caseworker', municipalityId: citizen.municipality_id } as any;
    // A month of other citizens' records in the same municipality, as the owner so it can ANALYZE.
    const owner = new Client({ connectionString: t.databaseUrl });
    await owner.connect();
    try {
      await owner.query(
        `INSERT INTO audit_event (municipality_id, user_id, action, citizen_ids, actor_role, actor_organisation_id)
         SELECT $1, $2, 'test.filler', ARRAY[gen_random_uuid()], 'caseworker', o.id
           FROM generate_series(1, 20000), (SELECT id FROM organisation WHERE municipality_id = $1 LIMIT 1) o`,
        [citizen.municipality_id, staff[0]!.id],
      );
      await owner.query('ANALYZE audit_event');
    } finally {
      await owner.end();
    }
    for (const page of [{ limit: 25, offset: 0 }, undefined]) {
      const { text, values } = eventsStatement(
        caller,
        citizenId,
        { from: addDays(today, -30), to: today },
        page,
      );
      // As a request runs it: the API's login, under row-level security, in the caller's municipality.
      const plan = (await asTenant(caller.municipalityId, () => t.db.query(`EXPLAIN ${text}`, values))) as {
        'QUERY PLAN': string;
      }[];
      // Each month's partition has its copy of ix_audit_event_citizens, named after the partition.
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(
        /Bitmap Index Scan on audit_event_p\d{6}_citizen_ids_idx/,
      );
    }
  });
});

describe('the audit actor migration', () => {
  it('backfills role and organisation from the user and keeps the trail append-only', async () => {
    const index = MIGRATIONS.findIndex((m) => m.name === 'MessagesAndAccessLog1795890100000');
    expect(index).toBeGreaterThan(0);
    const scratch = `mentor_actor_${Date.now()}`;
    const url = new URL(process.env['MENTOR_TEST_DATABASE_URL']!);
    const admin = new DataSource({ ...appDataSourceOptions(url.toString()), migrations: [] });
    await admin.initialize();
    await admin.query(`CREATE DATABASE "${scratch}"`);
    url.pathname = `/${scratch}`;
    const before = new DataSource({
      ...appDataSourceOptions(url.toString()),
      migrations: MIGRATIONS.slice(0, index),
    });
    try {
      await before.initialize();
      await runMigrations(before);
      await before.query(
        `INSERT INTO municipality (id, code, name) VALUES ('00000000-0000-4000-8000-000000000001', 999, 'Prøvekommune')`,
      );
      await before.query(
        `INSERT INTO organisation (id, municipality_id, kind, name, version)
         VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'external_provider', 'Prøveudbyder', 1)`,
      );
      await before.query(
        `INSERT INTO app_user (id, municipality_id, organisation_id, username, name, role, password_hash, version)
         VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001',
                 '00000000-0000-4000-8000-000000000002', 'proeve.mentor', 'Prøve Mentor', 'mentor', 'x', 1)`,
      );
      await before.query(
        `INSERT INTO audit_event (municipality_id, user_id, action)
         VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 'course.read')`,
      );
      await before.destroy();

      const after = new DataSource(appDataSourceOptions(url.toString()));
      await after.initialize();
      try {
        expect(await runMigrations(after)).toContain('MessagesAndAccessLog1795890100000');
        expect(await after.query('SELECT actor_role, actor_organisation_id FROM audit_event')).toEqual([
          { actor_role: 'mentor', actor_organisation_id: '00000000-0000-4000-8000-000000000002' },
        ]);
        await expect(after.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
        await expect(after.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
        await expect(
          after.query(
            `INSERT INTO audit_event (municipality_id, user_id, action)
             VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 'course.read')`,
          ),
        ).rejects.toThrow(/actor_role/);
      } finally {
        await after.destroy();
      }
    } finally {
      if (before.isInitialized) await before.destroy();
      await admin.query(`DROP DATABASE "${scratch}"`);
      await admin.destroy();
    }
  });
});
